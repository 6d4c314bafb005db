<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArtefactNavigation</name>
    <message>
        <source>The hive is not open yet.</source>
        <translation>Die Struktur ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>The key has no value called &quot;%1&quot;.</source>
        <translation>Der Schlüssel hat keinen Wert namens „%1“.</translation>
    </message>
</context>
<context>
    <name>CellColors</name>
    <message>
        <source>key node (nk)</source>
        <translation>Schlüsselknoten (nk)</translation>
    </message>
    <message>
        <source>value (vk)</source>
        <translation>Wert (vk)</translation>
    </message>
    <message>
        <source>security (sk)</source>
        <translation>Sicherheit (sk)</translation>
    </message>
    <message>
        <source>index leaf (li)</source>
        <translation>Indexblatt (li)</translation>
    </message>
    <message>
        <source>fast leaf (lf)</source>
        <translation>Schnellblatt (lf)</translation>
    </message>
    <message>
        <source>hash leaf (lh)</source>
        <translation>Hash-Blatt (lh)</translation>
    </message>
    <message>
        <source>index root (ri)</source>
        <translation>Indexwurzel (ri)</translation>
    </message>
    <message>
        <source>big data (db)</source>
        <translation>große Daten (db)</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>key node</source>
        <translation>Schlüsselknoten</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>subkey list</source>
        <translation>Unterschlüsselliste</translation>
    </message>
    <message>
        <source>value list</source>
        <translation>Werteliste</translation>
    </message>
    <message>
        <source>class name</source>
        <translation>Klassenname</translation>
    </message>
    <message>
        <source>value data</source>
        <translation>Wertdaten</translation>
    </message>
    <message>
        <source>big data</source>
        <translation>große Daten</translation>
    </message>
    <message>
        <source>segment list</source>
        <translation>Segmentliste</translation>
    </message>
    <message>
        <source>data segment</source>
        <translation>Datensegment</translation>
    </message>
    <message>
        <source>hbin header</source>
        <translation>hbin-Kopf</translation>
    </message>
    <message>
        <source>base block</source>
        <translation>Basisblock</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>(zero-length binary value)</source>
        <translation>(binärer Wert der Länge null)</translation>
    </message>
    <message numerus="yes">
        <source>... %Ln more byte(s)</source>
        <translation>
            <numerusform>… %Ln weiteres Byte</numerusform>
            <numerusform>… %Ln weitere Bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ArtefactTableModel</name>
    <message numerus="yes">
        <source>(%Ln byte(s))</source>
        <translation>
            <numerusform>(%Ln Byte)</numerusform>
            <numerusform>(%Ln Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>The key the row was read from</source>
        <translation>Der Schlüssel, aus dem die Zeile gelesen wurde</translation>
    </message>
    <message>
        <source>The value the row was read from</source>
        <translation>Der Wert, aus dem die Zeile gelesen wurde</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Bytes (hex)</source>
        <translation>Bytes (hex)</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>Ja oder nein</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ArtefactsDock</name>
    <message>
        <source>Artefacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>The artefacts decoded from this hive, with their row counts</source>
        <translation>Die aus dieser Struktur dekodierten Artefakte mit ihrer Zeilenzahl</translation>
    </message>
    <message>
        <source>No artefacts</source>
        <translation>Keine Artefakte</translation>
    </message>
    <message>
        <source>Filter rows (any column)</source>
        <translation>Zeilen filtern (jede Spalte)</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <source>Run the artefact decoders on the hive again</source>
        <translation>Die Artefakt-Decoder erneut auf die Struktur anwenden</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header line</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text mit Kopfzeile kopieren</translation>
    </message>
    <message>
        <source>&amp;Go to Key and Value</source>
        <translation>&amp;Gehe zu Schlüssel und Wert</translation>
    </message>
    <message>
        <source>Export Table as C&amp;SV…</source>
        <translation>Tabelle als C&amp;SV exportieren …</translation>
    </message>
    <message>
        <source>Write the shown table as CSV, as hivectl artefacts --csv does</source>
        <translation>Die angezeigte Tabelle als CSV schreiben, wie hivectl artefacts --csv</translation>
    </message>
    <message>
        <source>Export All Tables as &amp;JSON…</source>
        <translation>Alle Tabellen als &amp;JSON exportieren …</translation>
    </message>
    <message>
        <source>Write every table of this hive as JSON, as hivectl artefacts --json does</source>
        <translation>Alle Tabellen dieser Struktur als JSON schreiben, wie hivectl artefacts --json</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Open a hive to see its artefacts.</source>
        <translation>Öffnen Sie eine Struktur, um ihre Artefakte zu sehen.</translation>
    </message>
    <message>
        <source>Decoding the artefacts…</source>
        <translation>Artefakte werden dekodiert …</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln row(s)</source>
        <translation>
            <numerusform>%1 — %Ln Zeile</numerusform>
            <numerusform>%1 — %Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>HiveKit cannot tell from its keys which hive this is (SYSTEM, NTUSER.DAT, …), so no artefact decoder applies to it.</source>
        <translation>HiveKit kann an den Schlüsseln nicht erkennen, welche Struktur dies ist (SYSTEM, NTUSER.DAT, …), daher passt kein Artefakt-Decoder.</translation>
    </message>
    <message>
        <source>HiveKit has no artefact decoders for %1 hives yet.</source>
        <translation>HiveKit hat noch keine Artefakt-Decoder für %1-Strukturen.</translation>
    </message>
    <message>
        <source>Hives with decoders: %1.</source>
        <translation>Strukturen mit Decodern: %1.</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>Liest: %1</translation>
    </message>
    <message>
        <source>Hive of unknown kind</source>
        <translation>Struktur unbekannter Art</translation>
    </message>
    <message>
        <source>%1 hive</source>
        <translation>%1-Struktur</translation>
    </message>
    <message numerus="yes">
        <source>%Ln artefact(s)</source>
        <translation>
            <numerusform>%Ln Artefakt</numerusform>
            <numerusform>%Ln Artefakte</numerusform>
        </translation>
    </message>
    <message>
        <source>decoded in %1 ms</source>
        <translation>dekodiert in %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln row(s) shown</source>
        <translation>
            <numerusform>%1 von %Ln Zeile angezeigt</numerusform>
            <numerusform>%1 von %Ln Zeilen angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with a note</source>
        <translation>
            <numerusform>%Ln Zeile mit Hinweis</numerusform>
            <numerusform>%Ln Zeilen mit Hinweis</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>No table is shown.</source>
        <translation>Keine Tabelle wird angezeigt.</translation>
    </message>
    <message>
        <source>No hive was decoded.</source>
        <translation>Keine Struktur wurde dekodiert.</translation>
    </message>
    <message>
        <source>Export Artefact Table</source>
        <translation>Artefakt-Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Artefacts</source>
        <translation>Artefakte exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::CellFieldModel</name>
    <message>
        <source>%1 in a free cell</source>
        <translation>%1 in einer freien Zelle</translation>
    </message>
    <message>
        <source>%1   — %2, %3 bytes at %4</source>
        <translation>%1   — %2, %3 Bytes bei %4</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>%1
Click to go to this cell.</source>
        <translation>%1
Klicken, um zu dieser Zelle zu gehen.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) at %1</source>
        <translation>
            <numerusform>%Ln Byte bei %1</numerusform>
            <numerusform>%Ln Bytes bei %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::CommitDialog</name>
    <message>
        <source>Free space in the hive now: %1 in %2 free cell(s), the largest %3.</source>
        <translation>Freier Platz in der Struktur jetzt: %1 in %2 freien Zelle(n), die größte %3.</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>An Ort und Stelle</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>Hybrid (recommended)</source>
        <translation>Hybrid (empfohlen)</translation>
    </message>
    <message>
        <source>Keep a backup copy of the file first (NAME.bak)</source>
        <translation>Zuerst eine Sicherungskopie der Datei anlegen (NAME.bak)</translation>
    </message>
    <message>
        <source>Commit Changes</source>
        <translation>Änderungen festschreiben</translation>
    </message>
    <message numerus="yes">
        <source>Write %n pending change(s) to the file, in one crash-safe transaction.</source>
        <translation>
            <numerusform>%n ausstehende Änderung in einer absturzsicheren Transaktion in die Datei schreiben.</numerusform>
            <numerusform>%n ausstehende Änderungen in einer absturzsicheren Transaktion in die Datei schreiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewrites records in their cells when they fit and reuses free space: the file grows least.</source>
        <translation>Schreibt Einträge in ihre Zellen zurück, wenn sie hineinpassen, und verwendet freien Platz wieder: Die Datei wächst am wenigsten.</translation>
    </message>
    <message>
        <source>Writes every new record at the end and frees nothing: old records stay as a forensic trail.</source>
        <translation>Schreibt jeden neuen Eintrag ans Ende und gibt nichts frei: Alte Einträge bleiben als forensische Spur erhalten.</translation>
    </message>
    <message>
        <source>In place for keys and small values, large values at the end: the default.</source>
        <translation>An Ort und Stelle für Schlüssel und kleine Werte, große Werte ans Ende: die Voreinstellung.</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Festschreiben</translation>
    </message>
    <message>
        <source>Durable commit: the log, the hive&apos;s pages and its header are each flushed to the disk before the next step, so a commit that succeeds survives a power cut.</source>
        <translation>Dauerhaftes Festschreiben: Protokoll, Seiten und Kopf der Hive-Datei werden vor dem nächsten Schritt jeweils auf die Platte geschrieben, sodass ein erfolgreiches Festschreiben einen Stromausfall übersteht.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DamageBanner</name>
    <message>
        <source>Show Problems</source>
        <translation>Probleme anzeigen</translation>
    </message>
    <message>
        <source>Open the Problems panel with every finding of the structural check</source>
        <translation>Den Bereich „Probleme“ mit allen Befunden der Prüfung des Aufbaus öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln Warnung</numerusform>
            <numerusform>%Ln Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln more not listed)</source>
        <translation>
            <numerusform>(%Ln weiteres nicht aufgeführt)</numerusform>
            <numerusform>(%Ln weitere nicht aufgeführt)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive is damaged.&lt;/b&gt; The structural check found %1. Editing it may make it worse.</source>
        <translation>&lt;b&gt;Diese Struktur ist beschädigt.&lt;/b&gt; Die Prüfung ihres Aufbaus ergab %1. Bearbeiten kann den Schaden vergrößern.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DataInterpreter</name>
    <message>
        <source>Needs %1 bytes; only %2 left.</source>
        <translation>Benötigt %1 Bytes; nur %2 übrig.</translation>
    </message>
    <message>
        <source>invalid (%1)</source>
        <translation>ungültig (%1)</translation>
    </message>
    <message>
        <source>little endian</source>
        <translation>Little Endian</translation>
    </message>
    <message>
        <source>big endian</source>
        <translation>Big Endian</translation>
    </message>
    <message>
        <source>%1 seconds is past year 9999</source>
        <translation>%1 Sekunden liegen nach dem Jahr 9999</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 bytes read; control characters shown as dots</source>
        <translation>%1 Bytes gelesen; Steuerzeichen als Punkte dargestellt</translation>
    </message>
    <message>
        <source>not set (0)</source>
        <translation>nicht gesetzt (0)</translation>
    </message>
    <message>
        <source>A FILETIME of zero: no time was recorded.</source>
        <translation>Ein FILETIME von null: Es wurde keine Zeit aufgezeichnet.</translation>
    </message>
    <message>
        <source>the top bit is set</source>
        <translation>das höchste Bit ist gesetzt</translation>
    </message>
    <message>
        <source>past year 9999</source>
        <translation>nach dem Jahr 9999</translation>
    </message>
    <message>
        <source>100 ns intervals since 1601-01-01 UTC, little endian: %1</source>
        <translation>100-ns-Intervalle seit 1601-01-01 UTC, Little Endian: %1</translation>
    </message>
    <message>
        <source>not set (all zero)</source>
        <translation>nicht gesetzt (alles null)</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>Jahr %1</translation>
    </message>
    <message>
        <source>month %1</source>
        <translation>Monat %1</translation>
    </message>
    <message>
        <source>day of week %1</source>
        <translation>Wochentag %1</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>time %1:%2:%3.%4</source>
        <translation>Uhrzeit %1:%2:%3.%4</translation>
    </message>
    <message>
        <source>Year, month, day of week, day, hour, minute, second, milliseconds (16-bit each); the time zone is not stored: Windows writes these in UTC</source>
        <translation>Jahr, Monat, Wochentag, Tag, Stunde, Minute, Sekunde, Millisekunden (je 16 Bit); die Zeitzone wird nicht gespeichert: Windows schreibt diese Werte in UTC</translation>
    </message>
    <message>
        <source>Unsigned 32-bit seconds since 1970-01-01 UTC, %1</source>
        <translation>Vorzeichenlose 32-Bit-Sekunden seit 1970-01-01 UTC, %1</translation>
    </message>
    <message>
        <source>Signed 64-bit seconds since 1970-01-01 UTC, %1</source>
        <translation>Vorzeichenbehaftete 64-Bit-Sekunden seit 1970-01-01 UTC, %1</translation>
    </message>
    <message>
        <source>time %1:%2:%3</source>
        <translation>Uhrzeit %1:%2:%3</translation>
    </message>
    <message>
        <source>%1 (local time)</source>
        <translation>%1 (Ortszeit)</translation>
    </message>
    <message>
        <source>FAT date (bytes 0-1) and time (bytes 2-3), little endian, in the local time of the machine that wrote it, to two seconds</source>
        <translation>FAT-Datum (Bytes 0-1) und -Uhrzeit (Bytes 2-3), Little Endian, in der Ortszeit des Rechners, der sie geschrieben hat, auf zwei Sekunden genau</translation>
    </message>
    <message>
        <source>Data1 (4 bytes), Data2 and Data3 (2 bytes each) little endian, then 8 bytes in order</source>
        <translation>Data1 (4 Bytes), Data2 und Data3 (je 2 Bytes) Little Endian, dann 8 Bytes in Reihenfolge</translation>
    </message>
    <message>
        <source>revision %1, not 1</source>
        <translation>Revision %1, nicht 1</translation>
    </message>
    <message>
        <source>%1 sub-authorities, at most 15</source>
        <translation>%1 Unterautoritäten, höchstens 15</translation>
    </message>
    <message>
        <source>%1 bytes: revision, count, 48-bit authority, 32-bit sub-authorities</source>
        <translation>%1 Bytes: Revision, Anzahl, 48-Bit-Autorität, 32-Bit-Unterautoritäten</translation>
    </message>
    <message>
        <source>int%1</source>
        <translation>int%1</translation>
    </message>
    <message>
        <source>uint%1</source>
        <translation>uint%1</translation>
    </message>
    <message>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <source>double</source>
        <translation>double</translation>
    </message>
    <message>
        <source>FILETIME</source>
        <translation>FILETIME</translation>
    </message>
    <message>
        <source>SYSTEMTIME</source>
        <translation>SYSTEMTIME</translation>
    </message>
    <message>
        <source>Unix time (32-bit)</source>
        <translation>Unix-Zeit (32 Bit)</translation>
    </message>
    <message>
        <source>Unix time (64-bit)</source>
        <translation>Unix-Zeit (64 Bit)</translation>
    </message>
    <message>
        <source>DOS date/time</source>
        <translation>DOS-Datum/-Uhrzeit</translation>
    </message>
    <message>
        <source>GUID</source>
        <translation>GUID</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>UTF-16LE text</source>
        <translation>UTF-16LE-Text</translation>
    </message>
    <message>
        <source>Latin-1 text</source>
        <translation>Latin-1-Text</translation>
    </message>
    <message>
        <source>ROT13 of UTF-16LE text</source>
        <translation>ROT13 von UTF-16LE-Text</translation>
    </message>
    <message>
        <source>ROT13 of Latin-1 text</source>
        <translation>ROT13 von Latin-1-Text</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DeletedDock</name>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Scan the free cells of the hive for deleted keys and values.</source>
        <translation>Durchsucht die freien Zellen der Struktur nach gelöschten Schlüsseln und Werten.</translation>
    </message>
    <message>
        <source>Open a hive to scan it.</source>
        <translation>Öffnen Sie eine Struktur, um sie zu durchsuchen.</translation>
    </message>
    <message>
        <source>Scanning the free cells…</source>
        <translation>Freie Zellen werden durchsucht…</translation>
    </message>
    <message>
        <source>Stopped: the scan was cancelled.</source>
        <translation>Angehalten: die Suche wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted key(s)</source>
        <translation>
            <numerusform>%Ln gelöschter Schlüssel</numerusform>
            <numerusform>%Ln gelöschte Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted value(s)</source>
        <translation>
            <numerusform>%Ln gelöschter Wert</numerusform>
            <numerusform>%Ln gelöschte Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Stop the scan</source>
        <translation>Suche anhalten</translation>
    </message>
    <message>
        <source>Scan the free cells of the current hive for deleted keys and values</source>
        <translation>Die freien Zellen der aktuellen Struktur nach gelöschten Schlüsseln und Werten durchsuchen</translation>
    </message>
    <message>
        <source>Export to .reg…</source>
        <translation>Als .reg exportieren …</translation>
    </message>
    <message>
        <source>Write the deleted keys and values found as a .reg file (as hivectl deleted --reg)</source>
        <translation>Die gefundenen gelöschten Schlüssel und Werte als .reg-Datei schreiben (wie hivectl deleted --reg)</translation>
    </message>
    <message>
        <source>%1 scanned in %2 ms</source>
        <translation>%1 in %2 ms durchsucht</translation>
    </message>
    <message>
        <source>There is no scan to export.</source>
        <translation>Es gibt keinen Suchlauf zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export deleted keys and values</source>
        <translation>Gelöschte Schlüssel und Werte exportieren</translation>
    </message>
    <message>
        <source>Registry files (*.reg)</source>
        <translation>Registrierungsdateien (*.reg)</translation>
    </message>
    <message>
        <source>Export to .reg</source>
        <translation>Als .reg exportieren</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DeletedModel</name>
    <message>
        <source>intact</source>
        <translation>unversehrt</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>overwritten</source>
        <translation>überschrieben</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message numerus="yes">
        <source>Values without a known key (%Ln)</source>
        <translation>
            <numerusform>Wert ohne bekannten Schlüssel (%Ln)</numerusform>
            <numerusform>Werte ohne bekannten Schlüssel (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted values whose key is not among the deleted keys found: deleted from a key that still exists, or from one whose node was overwritten.</source>
        <translation>Gelöschte Werte, deren Schlüssel nicht unter den gefundenen gelöschten Schlüsseln ist: aus einem Schlüssel gelöscht, der noch besteht, oder aus einem, dessen Knoten überschrieben wurde.</translation>
    </message>
    <message>
        <source>Deleted key; its parent is a key of the live tree.</source>
        <translation>Gelöschter Schlüssel; sein übergeordneter Schlüssel gehört zum aktuellen Baum.</translation>
    </message>
    <message>
        <source>Deleted key; its parent is not a live key.</source>
        <translation>Gelöschter Schlüssel; sein übergeordneter Schlüssel gehört nicht zum aktuellen Baum.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln Wert</numerusform>
            <numerusform>%Ln Werte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subkey(s)</source>
        <translation>
            <numerusform>%Ln Unterschlüssel</numerusform>
            <numerusform>%Ln Unterschlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln byte(s) recovered (%2)</source>
        <translation>
            <numerusform>%1 von %Ln Byte wiederhergestellt (%2)</numerusform>
            <numerusform>%1 von %Ln Bytes wiederhergestellt (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Path or name</source>
        <translation>Pfad oder Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Zuletzt geschrieben</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>free cell</source>
        <translation>freie Zelle</translation>
    </message>
    <message>
        <source>inside a free cell</source>
        <translation>in einer freien Zelle</translation>
    </message>
    <message>
        <source>unreferenced cell</source>
        <translation>nicht referenzierte Zelle</translation>
    </message>
    <message>
        <source>cell slack</source>
        <translation>Zellen-Slack</translation>
    </message>
    <message>
        <source>past the last hbin</source>
        <translation>nach dem letzten hbin</translation>
    </message>
    <message>
        <source>At the start of a free cell: the cell freed when it was deleted.</source>
        <translation>Am Anfang einer freien Zelle: die beim Löschen freigegebene Zelle.</translation>
    </message>
    <message>
        <source>Inside a free cell: its own cell was freed and absorbed by a free neighbour before it.</source>
        <translation>In einer freien Zelle: Die eigene Zelle wurde freigegeben und von einem vorangehenden freien Nachbarn aufgenommen.</translation>
    </message>
    <message>
        <source>In an allocated cell that nothing in the live tree references: unlinked but never freed.</source>
        <translation>In einer belegten Zelle, auf die im aktuellen Baum nichts verweist: ausgehängt, aber nie freigegeben.</translation>
    </message>
    <message>
        <source>In the slack of an allocated cell, past what its owner uses.</source>
        <translation>Im Slack einer belegten Zelle, hinter dem von ihrem Besitzer genutzten Teil.</translation>
    </message>
    <message>
        <source>In the bytes of the file past the last hbin the base block declares.</source>
        <translation>In den Bytes der Datei hinter dem letzten hbin, das der Basisblock angibt.</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Deleted key, recovered (read-only)</source>
        <translation>Gelöschter Schlüssel, wiederhergestellt (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Found in: %1</source>
        <translation>Gefunden in: %1</translation>
    </message>
    <message>
        <source>Key node at %1</source>
        <translation>Schlüsselknoten bei %1</translation>
    </message>
    <message>
        <source>Last written: %1</source>
        <translation>Zuletzt geschrieben: %1</translation>
    </message>
    <message>
        <source>Deleted value, recovered (read-only)</source>
        <translation>Gelöschter Wert, wiederhergestellt (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Value record at %1</source>
        <translation>Werteintrag bei %1</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DetailsPane</name>
    <message>
        <source>Select a key or a value to see its details.</source>
        <translation>Wählen Sie einen Schlüssel oder einen Wert aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Unreadable key</source>
        <translation>Unlesbarer Schlüssel</translation>
    </message>
    <message>
        <source>Key node</source>
        <translation>Schlüsselknoten</translation>
    </message>
    <message>
        <source>root key</source>
        <translation>Stammschlüssel</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Zuletzt geschrieben</translation>
    </message>
    <message>
        <source>Class name</source>
        <translation>Klassenname</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Subkeys</source>
        <translation>Unterschlüssel</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>(cell %1)</source>
        <translation>(Zelle %1)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordnet</translation>
    </message>
    <message>
        <source>Subkey list</source>
        <translation>Unterschlüsselliste</translation>
    </message>
    <message>
        <source>Value list</source>
        <translation>Werteliste</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Class name cell</source>
        <translation>Klassennamenzelle</translation>
    </message>
    <message>
        <source>Largest names</source>
        <translation>Längste Namen</translation>
    </message>
    <message>
        <source>subkey %1, class %2, value %3 bytes; largest data %4 bytes</source>
        <translation>Unterschlüssel %1, Klasse %2, Wert %3 Bytes; größte Daten %4 Bytes</translation>
    </message>
    <message>
        <source>Security descriptor</source>
        <translation>Sicherheitsbeschreibung</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>SDDL</source>
        <translation>SDDL</translation>
    </message>
    <message>
        <source>Unreadable value</source>
        <translation>Unlesbarer Wert</translation>
    </message>
    <message>
        <source>Value record</source>
        <translation>Werteintrag</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>value of the root key</source>
        <translation>Wert des Stammschlüssels</translation>
    </message>
    <message>
        <source>value of %1</source>
        <translation>Wert von %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>inline, in the value record&apos;s data offset field</source>
        <translation>direkt im Datenoffset-Feld des Werteintrags</translation>
    </message>
    <message>
        <source>cell at %1</source>
        <translation>Zelle bei %1</translation>
    </message>
    <message>
        <source>big data record (db) at %1</source>
        <translation>Eintrag für große Daten (db) bei %1</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Dekodiert</translation>
    </message>
    <message>
        <source>(no strings)</source>
        <translation>(keine Zeichenfolgen)</translation>
    </message>
    <message>
        <source>(zero-length binary value)</source>
        <translation>(binärer Wert der Länge null)</translation>
    </message>
    <message>
        <source>binary data, see the bytes below</source>
        <translation>Binärdaten, siehe die Bytes unten</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln Schlüssel</numerusform>
            <numerusform>%Ln Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %Ln byte(s) of the declared data could be read.</source>
        <translation>
            <numerusform>Nur %Ln Byte der angegebenen Daten konnte gelesen werden.</numerusform>
            <numerusform>Nur %Ln Bytes der angegebenen Daten konnten gelesen werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiagnosticsDock</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>No hive open.</source>
        <translation>Keine Struktur geöffnet.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Click one to go to its offset.</source>
        <translation>Klicken Sie auf eines, um zu seinem Offset zu gehen.</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln Warnung</numerusform>
            <numerusform>%Ln Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln Hinweis</numerusform>
            <numerusform>%Ln Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Stop the structural check of this hive</source>
        <translation>Die Prüfung des Aufbaus dieser Struktur anhalten</translation>
    </message>
    <message>
        <source>Run the structural check of this hive again</source>
        <translation>Den Aufbau dieser Struktur erneut prüfen</translation>
    </message>
    <message>
        <source>Opening the hive…</source>
        <translation>Struktur wird geöffnet …</translation>
    </message>
    <message>
        <source>Checking the structure of the whole hive…</source>
        <translation>Der Aufbau der ganzen Struktur wird geprüft …</translation>
    </message>
    <message>
        <source>The check was stopped before its end: what it found so far is not shown.</source>
        <translation>Die Prüfung wurde vor ihrem Ende angehalten: Was sie bis dahin gefunden hat, wird nicht angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln more not listed)</source>
        <translation>
            <numerusform>(%Ln weiteres nicht aufgeführt)</numerusform>
            <numerusform>(%Ln weitere nicht aufgeführt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Double-click to go to file offset %1</source>
        <translation>Doppelklicken, um zum Datei-Offset %1 zu gehen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DirtyHiveActions</name>
    <message>
        <source>Save &amp;Recovered Copy…</source>
        <translation>&amp;Wiederhergestellte Kopie speichern …</translation>
    </message>
    <message>
        <source>Write the hive with its transaction logs replayed to a new file; the hive and its logs stay untouched</source>
        <translation>Die Struktur mit eingespielten Transaktionsprotokollen in eine neue Datei schreiben; Struktur und Protokolle bleiben unverändert</translation>
    </message>
    <message>
        <source>Edit a Dirty Hive</source>
        <translation>Inkonsistente Struktur bearbeiten</translation>
    </message>
    <message>
        <source>Cannot edit: %1</source>
        <translation>Bearbeiten nicht möglich: %1</translation>
    </message>
    <message>
        <source>HiveKit can write the recovered hive (its logs replayed) to a new file and edit that, leaving this file and its logs untouched; or apply the logs to this file itself, as Windows does when it loads the hive, after a backup copy.</source>
        <translation>HiveKit kann die wiederhergestellte Struktur (mit eingespielten Protokollen) in eine neue Datei schreiben und diese bearbeiten, wobei diese Datei und ihre Protokolle unverändert bleiben; oder die Protokolle nach einer Sicherungskopie auf diese Datei selbst anwenden, wie Windows es beim Laden der Struktur tut.</translation>
    </message>
    <message>
        <source>Recover into a Copy and Edit That…</source>
        <translation>In eine Kopie wiederherstellen und diese bearbeiten …</translation>
    </message>
    <message>
        <source>Apply the Logs to This File…</source>
        <translation>Protokolle auf diese Datei anwenden …</translation>
    </message>
    <message>
        <source>Save Recovered Copy</source>
        <translation>Wiederhergestellte Kopie speichern</translation>
    </message>
    <message>
        <source>Apply the Logs to the File</source>
        <translation>Protokolle auf die Datei anwenden</translation>
    </message>
    <message>
        <source>Apply the transaction logs to %1?</source>
        <translation>Transaktionsprotokolle auf %1 anwenden?</translation>
    </message>
    <message>
        <source>The file is rewritten with the state its logs hold and the logs are marked as used, as Windows does when it loads the hive. First the file as it is now is copied to %1.</source>
        <translation>Die Datei wird mit dem Stand neu geschrieben, den ihre Protokolle enthalten, und die Protokolle werden als verbraucht markiert, wie Windows es beim Laden der Struktur tut. Zuvor wird die Datei in ihrem jetzigen Zustand nach %1 kopiert.</translation>
    </message>
    <message>
        <source>Apply the Logs</source>
        <translation>Protokolle anwenden</translation>
    </message>
    <message>
        <source>Refusing to write over %1: the recovered copy must be another file.</source>
        <translation>%1 wird nicht überschrieben: Die wiederhergestellte Kopie muss eine andere Datei sein.</translation>
    </message>
    <message>
        <source>%1 is dirty and no log could be applied; nothing written.</source>
        <translation>%1 ist inkonsistent, und kein Protokoll ließ sich anwenden; nichts geschrieben.</translation>
    </message>
    <message>
        <source>Wrote the recovered hive to %1 (%2).</source>
        <translation>Wiederhergestellte Struktur nach %1 geschrieben (%2).</translation>
    </message>
    <message>
        <source>The hive is clean; wrote a copy to %1 (%2).</source>
        <translation>Die Struktur ist konsistent; eine Kopie wurde nach %1 geschrieben (%2).</translation>
    </message>
    <message>
        <source>%1 is not dirty: there is nothing to apply.</source>
        <translation>%1 ist nicht inkonsistent: Es gibt nichts anzuwenden.</translation>
    </message>
    <message>
        <source>%1 is dirty but no log could be applied; nothing written.</source>
        <translation>%1 ist inkonsistent, aber kein Protokoll ließ sich anwenden; nichts geschrieben.</translation>
    </message>
    <message>
        <source>The logs were not applied (%1): %2</source>
        <translation>Die Protokolle wurden nicht angewendet (%1): %2</translation>
    </message>
    <message>
        <source>The file was partly written; its logs still rebuild the recovered state, and %1 holds the original.</source>
        <translation>Die Datei wurde teilweise geschrieben; ihre Protokolle stellen den wiederhergestellten Zustand weiterhin her, und %1 enthält das Original.</translation>
    </message>
    <message>
        <source>Applied the logs to %1 (%2 bytes written); the original is in %3.</source>
        <translation>Protokolle auf %1 angewendet (%2 Bytes geschrieben); das Original liegt in %3.</translation>
    </message>
    <message>
        <source>HiveKit</source>
        <translation>HiveKit</translation>
    </message>
    <message>
        <source>The logs were not applied; %1 is unchanged.</source>
        <translation>Die Protokolle wurden nicht angewendet; %1 ist unverändert.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiskChangeBanner</name>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the file again (F5); pending changes stay pending</source>
        <translation>Die Datei erneut lesen (F5); ausstehende Änderungen bleiben ausstehend</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide this note and keep showing the file as it was read</source>
        <translation>Diesen Hinweis ausblenden und die Datei weiter so zeigen, wie sie gelesen wurde</translation>
    </message>
    <message>
        <source>The file changed on disk since it was opened.</source>
        <translation>Die Datei wurde seit dem Öffnen auf dem Datenträger geändert.</translation>
    </message>
    <message>
        <source>Another program wrote it; what you see is the file as it was read. Reload to see it as it is now.</source>
        <translation>Ein anderes Programm hat sie geschrieben; Sie sehen die Datei so, wie sie gelesen wurde. Laden Sie sie neu, um sie in ihrem jetzigen Zustand zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded. %n pending change(s) no longer apply to the file as it is now and were dropped; the others are still pending.</source>
        <translation>
            <numerusform>Neu geladen. %n ausstehende Änderung passt nicht mehr zur Datei in ihrem jetzigen Zustand und wurde verworfen; die übrigen stehen weiter aus.</numerusform>
            <numerusform>Neu geladen. %n ausstehende Änderungen passen nicht mehr zur Datei in ihrem jetzigen Zustand und wurden verworfen; die übrigen stehen weiter aus.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiskChangeWatcher</name>
    <message>
        <source>The file was removed or renamed.</source>
        <translation>Die Datei wurde entfernt oder umbenannt.</translation>
    </message>
    <message>
        <source>The file appeared again (modified %1).</source>
        <translation>Die Datei ist wieder vorhanden (geändert am %1).</translation>
    </message>
    <message>
        <source>Its size went from %1 to %2 bytes; modified %3.</source>
        <translation>Ihre Größe hat sich von %1 auf %2 Bytes geändert; geändert am %3.</translation>
    </message>
    <message>
        <source>Modified %1 (same size, %2 bytes).</source>
        <translation>Geändert am %1 (gleiche Größe, %2 Bytes).</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EditActions</name>
    <message>
        <source>Open for &amp;Editing</source>
        <translation>Zum &amp;Bearbeiten öffnen</translation>
    </message>
    <message>
        <source>Edit this hive: changes stay pending until you commit them</source>
        <translation>Diese Struktur bearbeiten: Änderungen bleiben ausstehend, bis Sie sie festschreiben</translation>
    </message>
    <message>
        <source>&amp;Modify Value…</source>
        <translation>Wert ä&amp;ndern …</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>Discard &amp;All Changes</source>
        <translation>&amp;Alle Änderungen verwerfen</translation>
    </message>
    <message>
        <source>&amp;Commit Changes…</source>
        <translation>Änderungen &amp;festschreiben …</translation>
    </message>
    <message>
        <source>E&amp;xport Key as .reg…</source>
        <translation>Schlüssel als .reg e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Export &amp;Hive as .reg…</source>
        <translation>S&amp;truktur als .reg exportieren …</translation>
    </message>
    <message>
        <source>&amp;Import .reg…</source>
        <translation>.reg &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Preview Changes as .reg…</source>
        <translation>Änderungen als .reg &amp;zeigen …</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>Rückgängig-&amp;Verlauf</translation>
    </message>
    <message>
        <source>Pending Changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>%1 has pending changes that are not written to the file.</source>
        <translation>%1 hat ausstehende Änderungen, die nicht in die Datei geschrieben sind.</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Festschreiben …</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>%1 has subkeys. Delete it with all its subkeys and values?</source>
        <translation>%1 hat Unterschlüssel. Mit allen Unterschlüsseln und Werten löschen?</translation>
    </message>
    <message>
        <source>HiveKit</source>
        <translation>HiveKit</translation>
    </message>
    <message>
        <source>Cannot edit: %1</source>
        <translation>Bearbeiten nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 is open for editing; changes stay pending until committed.</source>
        <translation>%1 ist zum Bearbeiten geöffnet; Änderungen bleiben bis zum Festschreiben ausstehend.</translation>
    </message>
    <message>
        <source>The commit failed; nothing was lost, the changes are still pending.
%1</source>
        <translation>Das Festschreiben ist fehlgeschlagen; nichts ging verloren, die Änderungen stehen weiter aus.
%1</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Discard every pending change?</source>
        <translation>Alle ausstehenden Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The value %1 cannot be read.</source>
        <translation>Der Wert %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The root key cannot be renamed.</source>
        <translation>Der Stammschlüssel kann nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>The root key cannot be deleted.</source>
        <translation>Der Stammschlüssel kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Open the hive for editing first.</source>
        <translation>Öffnen Sie die Struktur zuerst zum Bearbeiten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Export Hive</source>
        <translation>Struktur exportieren</translation>
    </message>
    <message>
        <source>Export Key</source>
        <translation>Schlüssel exportieren</translation>
    </message>
    <message>
        <source>Import .reg</source>
        <translation>.reg importieren</translation>
    </message>
    <message>
        <source>Registration files (*.reg);;All files (*)</source>
        <translation>Registrierungsdateien (*.reg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Pending Changes as .reg</source>
        <translation>Ausstehende Änderungen als .reg</translation>
    </message>
    <message>
        <source>Set &amp;Class Name…</source>
        <translation>&amp;Klassenname setzen…</translation>
    </message>
    <message>
        <source>Set or remove the class name of the selected key</source>
        <translation>Den Klassennamen des gewählten Schlüssels setzen oder entfernen</translation>
    </message>
    <message>
        <source>Set Class Name</source>
        <translation>Klassenname setzen</translation>
    </message>
    <message>
        <source>Class name of %1 (empty to remove it):</source>
        <translation>Klassenname von %1 (leer, um ihn zu entfernen):</translation>
    </message>
    <message>
        <source>the root key</source>
        <translation>dem Stammschlüssel</translation>
    </message>
    <message>
        <source>No key is selected.</source>
        <translation>Kein Schlüssel ist gewählt.</translation>
    </message>
    <message>
        <source>Edit a Damaged Hive</source>
        <translation>Beschädigte Struktur bearbeiten</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln structural error(s); editing may make it worse.</source>
        <translation>
            <numerusform>%1 hat %Ln Fehler im Aufbau; Bearbeiten kann den Schaden vergrößern.</numerusform>
            <numerusform>%1 hat %Ln Fehler im Aufbau; Bearbeiten kann den Schaden vergrößern.</numerusform>
        </translation>
    </message>
    <message>
        <source>The Problems panel lists them. Keep a backup copy of the file, made before the first commit, to be able to go back.</source>
        <translation>Der Bereich „Probleme“ listet sie auf. Behalten Sie eine vor dem ersten Festschreiben angelegte Sicherungskopie der Datei, um zurückkehren zu können.</translation>
    </message>
    <message>
        <source>Edit with a Backup</source>
        <translation>Mit Sicherungskopie bearbeiten</translation>
    </message>
    <message>
        <source>Edit without Backup</source>
        <translation>Ohne Sicherungskopie bearbeiten</translation>
    </message>
    <message>
        <source>The hive is not open yet.</source>
        <translation>Die Struktur ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>%1 was not opened for editing: the structural check it waits for was stopped.</source>
        <translation>%1 wurde nicht zum Bearbeiten geöffnet: Die Prüfung, auf die das Bearbeiten wartet, wurde angehalten.</translation>
    </message>
    <message>
        <source>Checking %1 before opening it for editing…</source>
        <translation>%1 wird vor dem Öffnen zum Bearbeiten geprüft …</translation>
    </message>
    <message>
        <source>%1 was not opened for editing.</source>
        <translation>%1 wurde nicht zum Bearbeiten geöffnet.</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>Ein Export läuft noch.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1 …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s), %1 written</source>
        <translation>
            <numerusform>%Ln Schlüssel, %1 geschrieben</numerusform>
            <numerusform>%Ln Schlüssel, %1 geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Key</source>
        <translation>Neuer &amp;Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>The value %1 is deleted by a pending change: undo the deletion to change it.</source>
        <translation>Der Wert %1 wird durch eine ausstehende Änderung gelöscht: Machen Sie das Löschen rückgängig, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>The key %1 is deleted by a pending change: undo the deletion to change it or its values.</source>
        <translation>Der Schlüssel %1 wird durch eine ausstehende Änderung gelöscht: Machen Sie das Löschen rückgängig, um ihn oder seine Werte zu ändern.</translation>
    </message>
    <message>
        <source>New Value #%1</source>
        <translation>Neuer Wert #%1</translation>
    </message>
    <message>
        <source>New Key #%1</source>
        <translation>Neuer Schlüssel #%1</translation>
    </message>
    <message>
        <source>Cannot rename the value &quot;%1&quot; in %2: a value name cannot be empty.</source>
        <translation>Der Wert „%1“ in %2 kann nicht umbenannt werden: Ein Wertname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Cannot rename the key &quot;%1&quot; in %2: a key name cannot be empty.</source>
        <translation>Der Schlüssel „%1“ in %2 kann nicht umbenannt werden: Ein Schlüsselname darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Cannot rename the key &quot;%1&quot; in %2: a key name cannot contain a backslash (\).</source>
        <translation>Der Schlüssel „%1“ in %2 kann nicht umbenannt werden: Ein Schlüsselname darf keinen umgekehrten Schrägstrich (\) enthalten.</translation>
    </message>
    <message>
        <source>Cannot rename &quot;%1&quot; in %2: the new name is too long.</source>
        <translation>„%1“ in %2 kann nicht umbenannt werden: Der neue Name ist zu lang.</translation>
    </message>
    <message>
        <source>Cannot rename the value &quot;%1&quot; in %2: a value named &quot;%3&quot; already exists.</source>
        <translation>Der Wert „%1“ in %2 kann nicht umbenannt werden: Ein Wert namens „%3“ existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot rename the key &quot;%1&quot; in %2: a key named &quot;%3&quot; already exists.</source>
        <translation>Der Schlüssel „%1“ in %2 kann nicht umbenannt werden: Ein Schlüssel namens „%3“ existiert bereits.</translation>
    </message>
    <message>
        <source>Not committed: %1 changed on disk.</source>
        <translation>Nicht festgeschrieben: %1 wurde auf dem Datenträger geändert.</translation>
    </message>
    <message>
        <source>The default value has no name to change.</source>
        <translation>Der Standardwert hat keinen Namen, der geändert werden könnte.</translation>
    </message>
    <message>
        <source>The key %1 is already deleted by a pending change.</source>
        <translation>Der Schlüssel %1 ist bereits durch eine ausstehende Änderung gelöscht.</translation>
    </message>
    <message>
        <source>The selected values are already deleted by pending changes.</source>
        <translation>Die ausgewählten Werte sind bereits durch ausstehende Änderungen gelöscht.</translation>
    </message>
    <message>
        <source>New &amp;Value</source>
        <translation>Neuer &amp;Wert</translation>
    </message>
    <message>
        <source>&amp;String Value</source>
        <translation>&amp;Zeichenfolge</translation>
    </message>
    <message>
        <source>&amp;Binary Value</source>
        <translation>&amp;Binärwert</translation>
    </message>
    <message>
        <source>&amp;DWORD (32-bit) Value</source>
        <translation>&amp;DWORD-Wert (32 Bit)</translation>
    </message>
    <message>
        <source>&amp;QWORD (64-bit) Value</source>
        <translation>&amp;QWORD-Wert (64 Bit)</translation>
    </message>
    <message>
        <source>&amp;Multi-String Value</source>
        <translation>&amp;Mehrteilige Zeichenfolge</translation>
    </message>
    <message>
        <source>&amp;Expandable String Value</source>
        <translation>&amp;Erweiterbare Zeichenfolge</translation>
    </message>
    <message>
        <source>%1 is a deleted key recovered from the file: it and its values are read-only.</source>
        <translation>%1 ist ein aus der Datei wiederhergestellter gelöschter Schlüssel: er und seine Werte sind schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EditSession</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not writable: it stays read-only.</source>
        <translation>%1 ist nicht beschreibbar: Die Datei bleibt schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 is dirty (its last changes are only in its transaction logs): recover it first.</source>
        <translation>%1 ist inkonsistent (die letzten Änderungen stehen nur in den Transaktionsprotokollen): Stellen Sie die Datei zuerst wieder her.</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Delete key and subkeys</source>
        <translation>Schlüssel und Unterschlüssel löschen</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Rename key</source>
        <translation>Schlüssel umbenennen</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>Set value</source>
        <translation>Wert setzen</translation>
    </message>
    <message>
        <source>Delete value</source>
        <translation>Wert löschen</translation>
    </message>
    <message>
        <source>Rename value</source>
        <translation>Wert umbenennen</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Nichts zu importieren.</translation>
    </message>
    <message>
        <source>; nothing written</source>
        <translation>; nichts geschrieben</translation>
    </message>
    <message>
        <source>Cannot make the backup %1: %2; nothing written</source>
        <translation>Die Sicherungskopie %1 kann nicht angelegt werden: %2; nichts geschrieben</translation>
    </message>
    <message>
        <source>%1 edit(s) committed (%2): %3 bytes written to the hive, %4 to its log.</source>
        <translation>%1 Änderung(en) festgeschrieben (%2): %3 Bytes in die Struktur geschrieben, %4 in ihr Protokoll.</translation>
    </message>
    <message>
        <source>The original is in %1.</source>
        <translation>Das Original liegt in %1.</translation>
    </message>
    <message>
        <source>The directory of %1 is not writable: its transaction log and a backup cannot be written there, so a commit will fail.</source>
        <translation>Das Verzeichnis von %1 ist nicht beschreibbar: Transaktionsprotokoll und Sicherungskopie können dort nicht geschrieben werden, das Festschreiben wird also fehlschlagen.</translation>
    </message>
    <message>
        <source>Set class name</source>
        <translation>Klassenname setzen</translation>
    </message>
    <message>
        <source>The hive is marked dirty by the interrupted commit and its log could not be replayed; recover it (hivectl recover) before committing again.</source>
        <translation>Die Struktur ist durch das unterbrochene Festschreiben als inkonsistent markiert, und ihr Protokoll ließ sich nicht einspielen; stellen Sie sie wieder her (hivectl recover), bevor Sie erneut festschreiben.</translation>
    </message>
    <message numerus="yes">
        <source>The hive already holds the %n change(s) of the interrupted commit (its log replays them), and some of them were undone since. Redo them, or discard the pending changes.</source>
        <translation>
            <numerusform>Die Struktur enthält bereits die %n Änderung des unterbrochenen Festschreibens (ihr Protokoll spielt sie ein), und sie wurde seither rückgängig gemacht. Wiederholen Sie sie oder verwerfen Sie die ausstehenden Änderungen.</numerusform>
            <numerusform>Die Struktur enthält bereits die %n Änderungen des unterbrochenen Festschreibens (ihr Protokoll spielt sie ein), und einige davon wurden seither rückgängig gemacht. Wiederholen Sie sie oder verwerfen Sie die ausstehenden Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hive file was partly written; its transaction log holds the changes (opening the hive again replays them). Committing again finishes the interrupted commit.</source>
        <translation>Die Strukturdatei wurde teilweise geschrieben; ihr Transaktionsprotokoll enthält die Änderungen (erneutes Öffnen der Struktur spielt sie ein). Erneutes Festschreiben schließt das unterbrochene Festschreiben ab.</translation>
    </message>
    <message>
        <source>Remove class name</source>
        <translation>Klassenname entfernen</translation>
    </message>
    <message>
        <source>the root key</source>
        <translation>dem Stammschlüssel</translation>
    </message>
    <message>
        <source>Cannot create the key %1 in %2: that key does not exist.</source>
        <translation>Der Schlüssel %1 kann nicht in %2 angelegt werden: Der übergeordnete Schlüssel existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create the key %1 in %2: %3.</source>
        <translation>Der Schlüssel %1 kann nicht in %2 angelegt werden: %3.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: it does not exist.</source>
        <translation>Der Schlüssel %1 kann nicht gelöscht werden: Er existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: it is marked as a key that must not be deleted.</source>
        <translation>Der Schlüssel %1 kann nicht gelöscht werden: Er ist als Schlüssel markiert, der nicht gelöscht werden darf.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: it has subkeys, which would have to be deleted with it.</source>
        <translation>Der Schlüssel %1 kann nicht gelöscht werden: Er hat Unterschlüssel, die mit ihm gelöscht werden müssten.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: %2.</source>
        <translation>Der Schlüssel %1 kann nicht gelöscht werden: %2.</translation>
    </message>
    <message>
        <source>Cannot set the value %1 in %2: the key does not exist.</source>
        <translation>Der Wert %1 in %2 kann nicht gesetzt werden: Der Schlüssel existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot set the value %1 in %2: its data is too large for this hive&apos;s format version.</source>
        <translation>Der Wert %1 in %2 kann nicht gesetzt werden: Seine Daten sind für die Formatversion dieser Struktur zu groß.</translation>
    </message>
    <message>
        <source>Cannot set the value %1 in %2: %3.</source>
        <translation>Der Wert %1 in %2 kann nicht gesetzt werden: %3.</translation>
    </message>
    <message>
        <source>Cannot delete the value %1 in %2: there is no value of that name.</source>
        <translation>Der Wert %1 in %2 kann nicht gelöscht werden: Es gibt keinen Wert dieses Namens.</translation>
    </message>
    <message>
        <source>Cannot delete the value %1 in %2: the key does not exist.</source>
        <translation>Der Wert %1 in %2 kann nicht gelöscht werden: Der Schlüssel existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot delete the value %1 in %2: %3.</source>
        <translation>Der Wert %1 in %2 kann nicht gelöscht werden: %3.</translation>
    </message>
    <message>
        <source>Cannot rename the key %1 in %2: a key named &quot;%3&quot; already exists.</source>
        <translation>Der Schlüssel %1 in %2 kann nicht umbenannt werden: Ein Schlüssel namens „%3“ existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot rename the key %1: it does not exist.</source>
        <translation>Der Schlüssel %1 kann nicht umbenannt werden: Er existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot rename the key %1 in %2: %3.</source>
        <translation>Der Schlüssel %1 in %2 kann nicht umbenannt werden: %3.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: a value named %3 already exists.</source>
        <translation>Der Wert %1 in %2 kann nicht umbenannt werden: Ein Wert namens %3 existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: there is no value of that name.</source>
        <translation>Der Wert %1 in %2 kann nicht umbenannt werden: Es gibt keinen Wert dieses Namens.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: the key does not exist.</source>
        <translation>Der Wert %1 in %2 kann nicht umbenannt werden: Der Schlüssel existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: %3.</source>
        <translation>Der Wert %1 in %2 kann nicht umbenannt werden: %3.</translation>
    </message>
    <message>
        <source>Cannot set the class name of %1: the key does not exist.</source>
        <translation>Der Klassenname von %1 kann nicht gesetzt werden: Der Schlüssel existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot set the class name of %1: %2.</source>
        <translation>Der Klassenname von %1 kann nicht gesetzt werden: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EntryChangesModel</name>
    <message>
        <source>key added</source>
        <translation>Schlüssel hinzugefügt</translation>
    </message>
    <message>
        <source>key removed</source>
        <translation>Schlüssel entfernt</translation>
    </message>
    <message>
        <source>key changed</source>
        <translation>Schlüssel geändert</translation>
    </message>
    <message>
        <source>value added</source>
        <translation>Wert hinzugefügt</translation>
    </message>
    <message>
        <source>value removed</source>
        <translation>Wert entfernt</translation>
    </message>
    <message>
        <source>value changed</source>
        <translation>Wert geändert</translation>
    </message>
    <message>
        <source>last write %1</source>
        <translation>zuletzt geschrieben %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <source>no class name</source>
        <translation>kein Klassenname</translation>
    </message>
    <message>
        <source>security descriptor of %1 bytes</source>
        <translation>Sicherheitsbeschreibung mit %1 Bytes</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(Stamm)</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Before the entry</source>
        <translation>Vor dem Eintrag</translation>
    </message>
    <message>
        <source>After the entry</source>
        <translation>Nach dem Eintrag</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ExportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>What stands for the hive&apos;s root key in the file&apos;s key lines: where Windows loads this hive. The first choice is the one its kind suggests.</source>
        <translation>Was in den Schlüsselzeilen der Datei für den Stammschlüssel der Struktur steht: wo Windows diese Struktur lädt. Die erste Auswahl ist die, die ihre Art nahelegt.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Root written:</source>
        <translation>Geschriebener &amp;Stamm:</translation>
    </message>
    <message>
        <source>First key line:</source>
        <translation>Erste Schlüsselzeile:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Wählen Sie die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>The root cannot be empty: key lines need a name for the hive&apos;s root key.</source>
        <translation>Der Stamm darf nicht leer sein: Schlüsselzeilen brauchen einen Namen für den Stammschlüssel der Struktur.</translation>
    </message>
    <message>
        <source>The root cannot hold &apos;]&apos; or a line break: a key line could not be read back.</source>
        <translation>Der Stamm darf weder „]“ noch einen Zeilenumbruch enthalten: Eine Schlüsselzeile ließe sich sonst nicht wieder einlesen.</translation>
    </message>
    <message>
        <source>The root cannot hold an empty name (two backslashes).</source>
        <translation>Der Stamm darf keinen leeren Namen enthalten (zwei umgekehrte Schrägstriche).</translation>
    </message>
    <message>
        <source>Registration files (*.reg)</source>
        <translation>Registrierungsdateien (*.reg)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ExportJob</name>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Export nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Export abgebrochen; %1 wurde nicht geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln key(s) to %1</source>
        <translation>
            <numerusform>%Ln Schlüssel nach %1 exportiert</numerusform>
            <numerusform>%Ln Schlüssel nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln problem(s): see hivectl export for the list)</source>
        <translation>
            <numerusform>(%Ln Problem: die Liste zeigt hivectl export)</numerusform>
            <numerusform>(%Ln Probleme: die Liste zeigt hivectl export)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::GoToKeyDialog</name>
    <message>
        <source>Go to Key</source>
        <translation>Gehe zu Schlüssel</translation>
    </message>
    <message>
        <source>Key path (from the hive&apos;s root, or as regedit shows it: HKEY_LOCAL_MACHINE\SYSTEM\…, HKLM\…):</source>
        <translation>Schlüsselpfad (ab dem Stamm der Struktur oder wie regedit ihn zeigt: HKEY_LOCAL_MACHINE\SYSTEM\…, HKLM\…):</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HexGridEditor</name>
    <message>
        <source>Not pasted: %1</source>
        <translation>Nicht eingefügt: %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HexPane</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vor</translation>
    </message>
    <message>
        <source>Go to offset (hex)</source>
        <translation>Gehe zu Offset (hex)</translation>
    </message>
    <message>
        <source>A file offset in hex, with or without 0x (Ctrl+G)</source>
        <translation>Ein Datei-Offset in Hexadezimal, mit oder ohne 0x (Strg+G)</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>deleted %1 at %2</source>
        <translation>gelöschter %1 bei %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HexView</name>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Copy as &amp;Hex</source>
        <translation>Als &amp;Hex kopieren</translation>
    </message>
    <message>
        <source>Copy the selected bytes as hex pairs (&quot;4E 4B 00&quot;)</source>
        <translation>Die ausgewählten Bytes als Hex-Paare kopieren („4E 4B 00“)</translation>
    </message>
    <message>
        <source>Copy as &amp;Text (Latin-1)</source>
        <translation>Als &amp;Text kopieren (Latin-1)</translation>
    </message>
    <message>
        <source>One character per byte; control characters as dots</source>
        <translation>Ein Zeichen pro Byte; Steuerzeichen als Punkte</translation>
    </message>
    <message>
        <source>Copy as Text (&amp;UTF-16LE)</source>
        <translation>Als Text kopieren (&amp;UTF-16LE)</translation>
    </message>
    <message>
        <source>One character per two bytes; control characters as dots</source>
        <translation>Ein Zeichen pro zwei Bytes; Steuerzeichen als Punkte</translation>
    </message>
    <message>
        <source>Copy as &amp;C Array</source>
        <translation>Als &amp;C-Array kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All (Cell)</source>
        <translation>&amp;Alles auswählen (Zelle)</translation>
    </message>
    <message>
        <source>Select the cell under the cursor (the whole file outside cells)</source>
        <translation>Die Zelle unter dem Cursor auswählen (außerhalb von Zellen die ganze Datei)</translation>
    </message>
    <message>
        <source>&amp;Go to Offset...</source>
        <translation>&amp;Gehe zu Offset …</translation>
    </message>
    <message>
        <source>&amp;Interpret Here</source>
        <translation>Hier &amp;interpretieren</translation>
    </message>
    <message>
        <source>Cursor %1</source>
        <translation>Cursor %1</translation>
    </message>
    <message>
        <source>Selection 0x%1-0x%2 · %3 bytes (0x%4)</source>
        <translation>Auswahl 0x%1-0x%2 · %3 Bytes (0x%4)</translation>
    </message>
    <message>
        <source>The selection is too large to copy (more than %1 MiB).</source>
        <translation>Die Auswahl ist zu groß zum Kopieren (mehr als %1 MiB).</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HiveSearch</name>
    <message>
        <source>Type something to search for.</source>
        <translation>Geben Sie etwas ein, wonach gesucht werden soll.</translation>
    </message>
    <message>
        <source>Choose where to search: key names, value names or value data.</source>
        <translation>Wählen Sie, wo gesucht werden soll: Schlüsselnamen, Wertnamen oder Wertdaten.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: %1 (at character %2).</source>
        <translation>Der reguläre Ausdruck ist ungültig: %1 (bei Zeichen %2).</translation>
    </message>
    <message>
        <source>Hex bytes are pairs of hex digits, like &quot;de ad be ef&quot; or &quot;0xde,0xad&quot;.</source>
        <translation>Hex-Bytes sind Paare von Hexadezimalziffern, etwa „de ad be ef“ oder „0xde,0xad“.</translation>
    </message>
    <message>
        <source>Hex bytes are searched in value data: tick &quot;Value data&quot;.</source>
        <translation>Hex-Bytes werden in den Wertdaten gesucht: Haken Sie „Wertdaten“ an.</translation>
    </message>
    <message>
        <source>bytes at data offset %1</source>
        <translation>Bytes bei Datenoffset %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HiveView</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>Offset %1</translation>
    </message>
    <message>
        <source>The key at %1 is not reachable from the root.</source>
        <translation>Der Schlüssel bei %1 ist vom Stamm aus nicht erreichbar.</translation>
    </message>
    <message>
        <source>No key lists the value at %1.</source>
        <translation>Kein Schlüssel führt den Wert bei %1.</translation>
    </message>
    <message>
        <source>Still reading the hive: try again in a moment.</source>
        <translation>Die Struktur wird noch gelesen: Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Replaying the transaction logs…</source>
        <translation>Transaktionsprotokolle werden nachgespielt …</translation>
    </message>
    <message>
        <source>Reading the primary file…</source>
        <translation>Primärdatei wird gelesen …</translation>
    </message>
    <message>
        <source>Opened %1: %2, format %3, in %4 ms</source>
        <translation>%1 geöffnet: %2, Format %3, in %4 ms</translation>
    </message>
    <message>
        <source>This file cannot be opened</source>
        <translation>Diese Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The hive is not open yet.</source>
        <translation>Die Struktur ist noch nicht geöffnet.</translation>
    </message>
    <message>
        <source>The key was found but cannot be shown in the tree.</source>
        <translation>Der Schlüssel wurde gefunden, kann aber nicht im Baum angezeigt werden.</translation>
    </message>
    <message>
        <source>Cannot show the pending changes: %1</source>
        <translation>Die ausstehenden Änderungen können nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Commit over a Changed File</source>
        <translation>In eine geänderte Datei festschreiben</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened.</source>
        <translation>%1 wurde seit dem Öffnen auf dem Datenträger geändert.</translation>
    </message>
    <message>
        <source>The pending changes would be applied to the file as it is now, which this tab does not show. Cancel, then Reload (F5) to see the file with your changes over it.</source>
        <translation>Die ausstehenden Änderungen würden auf die Datei in ihrem jetzigen Zustand angewandt, den dieser Tab nicht zeigt. Brechen Sie ab und laden Sie dann neu (F5), um die Datei mit Ihren Änderungen darüber zu sehen.</translation>
    </message>
    <message>
        <source>Commit Anyway</source>
        <translation>Trotzdem festschreiben</translation>
    </message>
    <message>
        <source>%1 changed on disk: %2</source>
        <translation>%1 wurde auf dem Datenträger geändert: %2</translation>
    </message>
    <message>
        <source>Reloaded %1.</source>
        <translation>%1 neu geladen.</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %1; %n pending change(s) no longer apply and were dropped.</source>
        <translation>
            <numerusform>%1 neu geladen; %n ausstehende Änderung ist nicht mehr anwendbar und wurde verworfen.</numerusform>
            <numerusform>%1 neu geladen; %n ausstehende Änderungen sind nicht mehr anwendbar und wurden verworfen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::InterpreterDock</name>
    <message>
        <source>Data Interpreter</source>
        <translation>Dateninterpreter</translation>
    </message>
    <message>
        <source>Follow: automatic</source>
        <translation>Folgen: automatisch</translation>
    </message>
    <message>
        <source>Follow: hex cursor</source>
        <translation>Folgen: Hex-Cursor</translation>
    </message>
    <message>
        <source>Follow: selected value</source>
        <translation>Folgen: ausgewählter Wert</translation>
    </message>
    <message>
        <source>Automatic: the hex cursor (or the selection&apos;s start) while the Hex tab is shown, otherwise the selected value&apos;s data from its first byte</source>
        <translation>Automatisch: der Hex-Cursor (oder der Anfang der Auswahl), solange der Hex-Tab angezeigt wird, sonst die Daten des ausgewählten Werts ab ihrem ersten Byte</translation>
    </message>
    <message>
        <source>No hive</source>
        <translation>Keine Struktur</translation>
    </message>
    <message>
        <source>No bytes</source>
        <translation>Keine Bytes</translation>
    </message>
    <message>
        <source>Selection start %1</source>
        <translation>Auswahlbeginn %1</translation>
    </message>
    <message>
        <source>File offset %1</source>
        <translation>Datei-Offset %1</translation>
    </message>
    <message>
        <source>No value selected</source>
        <translation>Kein Wert ausgewählt</translation>
    </message>
    <message>
        <source>The value record cannot be read</source>
        <translation>Der Werteintrag kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The value&apos;s data cannot be read</source>
        <translation>Die Daten des Werts können nicht gelesen werden</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Data of value “%1” (%2 bytes), from byte 0</source>
        <translation>Daten des Werts „%1“ (%2 Bytes), ab Byte 0</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::InterpreterPanel</name>
    <message>
        <source>Little endian</source>
        <translation>Little Endian</translation>
    </message>
    <message>
        <source>Big endian</source>
        <translation>Big Endian</translation>
    </message>
    <message>
        <source>Byte order of the integers, floats and Unix times; the Windows structures (FILETIME, SYSTEMTIME, DOS date, GUID, SID) keep their own</source>
        <translation>Bytereihenfolge der Ganzzahlen, Gleitkommazahlen und Unix-Zeiten; die Windows-Formate (FILETIME, SYSTEMTIME, DOS-Datum, GUID, SID) behalten ihre eigene</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Row</source>
        <translation>&amp;Zeile kopieren</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::KeyTreeModel</name>
    <message>
        <source>&lt;cycle: key at %1 again&gt;</source>
        <translation>&lt;Zyklus: erneut Schlüssel bei %1&gt;</translation>
    </message>
    <message>
        <source>This key is listed below itself (a cycle in the subkey lists).</source>
        <translation>Dieser Schlüssel ist unter sich selbst aufgeführt (ein Zyklus in den Unterschlüssellisten).</translation>
    </message>
    <message>
        <source>&lt;unreadable key at %1&gt;</source>
        <translation>&lt;unlesbarer Schlüssel bei %1&gt;</translation>
    </message>
    <message>
        <source>(empty name)</source>
        <translation>(leerer Name)</translation>
    </message>
    <message>
        <source>%1
key node at %2</source>
        <translation>%1
Schlüsselknoten bei %2</translation>
    </message>
    <message>
        <source>(root key)</source>
        <translation>(Stammschlüssel)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>%1
deleted by a pending change (undo to keep it)</source>
        <translation>%1
durch eine ausstehende Änderung gelöscht (rückgängig machen, um ihn zu behalten)</translation>
    </message>
    <message>
        <source>Orphaned deleted keys</source>
        <translation>Verwaiste gelöschte Schlüssel</translation>
    </message>
    <message>
        <source>Deleted keys whose parent key is neither a live key nor a deleted key the scan found</source>
        <translation>Gelöschte Schlüssel, deren übergeordneter Schlüssel weder ein vorhandener noch ein vom Scan gefundener gelöschter Schlüssel ist</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LayoutCanvas</name>
    <message>
        <source>&lt;b&gt;Base block&lt;/b&gt; (regf header)&lt;br&gt;%1 – %2 · 4096 bytes</source>
        <translation>&lt;b&gt;Basisblock&lt;/b&gt; (regf-Kopf)&lt;br&gt;%1 – %2 · 4096 Bytes</translation>
    </message>
    <message>
        <source>at %1 · %2 bytes</source>
        <translation>bei %1 · %2 Bytes</translation>
    </message>
    <message>
        <source>&lt;b&gt;hbin header&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;the bin holds %2 bytes</source>
        <translation>&lt;b&gt;hbin-Kopf&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;das hbin enthält %2 Bytes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unreadable&lt;/b&gt; (damaged hbin or broken cell chain)&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Unlesbar&lt;/b&gt; (beschädigtes hbin oder unterbrochene Zellkette)&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3&lt;br&gt;cell %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3&lt;br&gt;Zelle %4</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;One pixel shows %1: zoom in (Ctrl+wheel) to tell small cells apart.&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;Ein Pixel zeigt %1: Vergrößern Sie (Strg+Mausrad), um kleine Zellen zu unterscheiden.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LayoutView</name>
    <message>
        <source>Zoom out: more bytes per row (Ctrl+wheel down)</source>
        <translation>Verkleinern: mehr Bytes pro Zeile (Strg+Mausrad nach unten)</translation>
    </message>
    <message>
        <source>Zoom in: fewer bytes per row (Ctrl+wheel up)</source>
        <translation>Vergrößern: weniger Bytes pro Zeile (Strg+Mausrad nach oben)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Zoom so that the whole file fits the view</source>
        <translation>So zoomen, dass die ganze Datei in die Ansicht passt</translation>
    </message>
    <message>
        <source>Mapping the cells of %1…</source>
        <translation>Zellen von %1 werden erfasst …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Free space:&lt;/b&gt; %1 bytes in %2 cells (%3 % of the cell space) · &lt;b&gt;largest free cell:&lt;/b&gt; %4 bytes · %5 cells in %6 hbins</source>
        <translation>&lt;b&gt;Freier Platz:&lt;/b&gt; %1 Bytes in %2 Zellen (%3 % des Zellraums) · &lt;b&gt;größte freie Zelle:&lt;/b&gt; %4 Bytes · %5 Zellen in %6 hbins</translation>
    </message>
    <message>
        <source>nk</source>
        <translation>nk</translation>
    </message>
    <message>
        <source>vk</source>
        <translation>vk</translation>
    </message>
    <message>
        <source>sk</source>
        <translation>sk</translation>
    </message>
    <message>
        <source>li/lf/lh</source>
        <translation>li/lf/lh</translation>
    </message>
    <message>
        <source>ri</source>
        <translation>ri</translation>
    </message>
    <message>
        <source>db</source>
        <translation>db</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>hbin header</source>
        <translation>hbin-Kopf</translation>
    </message>
    <message>
        <source>base block</source>
        <translation>Basisblock</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>%1 per row · one pixel ≈ %2</source>
        <translation>%1 pro Zeile · ein Pixel ≈ %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LogEntriesModel</name>
    <message>
        <source>applied, changes: %1</source>
        <translation>angewandt, Änderungen: %1</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewandt</translation>
    </message>
    <message>
        <source>not applied: %1</source>
        <translation>nicht angewandt: %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Keys written up to</source>
        <translation>Schlüssel geschrieben bis</translation>
    </message>
    <message>
        <source>Log started</source>
        <translation>Protokoll begonnen</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Nachspielen</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LogHistoryView</name>
    <message>
        <source>Log history — %1</source>
        <translation>Protokollverlauf — %1</translation>
    </message>
    <message>
        <source>Log entries, in the order replay meets them:</source>
        <translation>Protokolleinträge in der Reihenfolge, in der das Nachspielen sie erreicht:</translation>
    </message>
    <message>
        <source>What the selected entry changed (double-click to show the key in the tab):</source>
        <translation>Was der ausgewählte Eintrag geändert hat (Doppelklick zeigt den Schlüssel im Tab):</translation>
    </message>
    <message>
        <source>Comparing the hive before and after each entry: %1 of %2…</source>
        <translation>Struktur wird vor und nach jedem Eintrag verglichen: %1 von %2 …</translation>
    </message>
    <message>
        <source>Reading the transaction logs of %1…</source>
        <translation>Transaktionsprotokolle von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>The log history could not be read: %1</source>
        <translation>Der Protokollverlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No transaction logs were found beside the hive.</source>
        <translation>Neben der Struktur wurden keine Transaktionsprotokolle gefunden.</translation>
    </message>
    <message>
        <source>Log entries applied by replay: %1 of the %2 listed.</source>
        <translation>Vom Nachspielen angewandte Protokolleinträge: %1 der %2 aufgeführten.</translation>
    </message>
    <message>
        <source>Log entries carry no time of their own: &quot;Keys written up to&quot; is the latest last-write time of the keys an entry wrote, &quot;Log started&quot; the time in its log&apos;s header.</source>
        <translation>Protokolleinträge tragen keine eigene Zeit: „Schlüssel geschrieben bis“ ist die späteste Zeit des letzten Schreibens der Schlüssel, die ein Eintrag geschrieben hat, „Protokoll begonnen“ die Zeit im Kopf seines Protokolls.</translation>
    </message>
    <message>
        <source>Stopped before every entry was compared.</source>
        <translation>Angehalten, bevor alle Einträge verglichen waren.</translation>
    </message>
    <message>
        <source>The tab does not hold this key (%1).</source>
        <translation>Der Tab enthält diesen Schlüssel nicht (%1).</translation>
    </message>
    <message>
        <source>The key could not be shown.</source>
        <translation>Der Schlüssel konnte nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Key shown; the tab does not hold this value.</source>
        <translation>Schlüssel angezeigt; der Tab enthält diesen Wert nicht.</translation>
    </message>
    <message>
        <source>Shown in the tab.</source>
        <translation>Im Tab angezeigt.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::MainWindow</name>
    <message>
        <source>That key is no longer in the tree.</source>
        <translation>Dieser Schlüssel ist nicht mehr im Baum.</translation>
    </message>
    <message>
        <source>Open Hive…</source>
        <translation>Struktur öffnen …</translation>
    </message>
    <message>
        <source>or drop hive files (SYSTEM, SOFTWARE, NTUSER.DAT, …) on this window</source>
        <translation>oder Strukturdateien (SYSTEM, SOFTWARE, NTUSER.DAT, …) auf dieses Fenster ziehen</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Zuletzt geöffnete Dateien</translation>
    </message>
    <message>
        <source>&amp;Open Hive…</source>
        <translation>Struktur ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open a registry hive file, read-only</source>
        <translation>Eine Registrierungsstruktur schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Copy Key &amp;Path</source>
        <translation>Schlüssel&amp;pfad kopieren</translation>
    </message>
    <message>
        <source>Copy the selected key&apos;s path from the root</source>
        <translation>Den Pfad des ausgewählten Schlüssels ab dem Stamm kopieren</translation>
    </message>
    <message>
        <source>key path</source>
        <translation>Schlüsselpfad</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy the selected values as name, type and data</source>
        <translation>Die ausgewählten Werte als Name, Typ und Daten kopieren</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Copy &amp;Data</source>
        <translation>&amp;Daten kopieren</translation>
    </message>
    <message>
        <source>Copy the selected values&apos; data</source>
        <translation>Die Daten der ausgewählten Werte kopieren</translation>
    </message>
    <message>
        <source>data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search key names, value names and value data</source>
        <translation>Schlüsselnamen, Wertnamen und Wertdaten durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Go to Key…</source>
        <translation>&amp;Gehe zu Schlüssel …</translation>
    </message>
    <message>
        <source>Select a key by its path</source>
        <translation>Einen Schlüssel über seinen Pfad auswählen</translation>
    </message>
    <message>
        <source>Go to &amp;Offset…</source>
        <translation>Gehe zu &amp;Offset …</translation>
    </message>
    <message>
        <source>Show a file offset in the hex view</source>
        <translation>Einen Datei-Offset in der Hexadezimalansicht zeigen</translation>
    </message>
    <message>
        <source>&amp;Bookmark This Key</source>
        <translation>Lesezeichen für diesen Schlüssel &amp;setzen</translation>
    </message>
    <message>
        <source>&amp;Remove Bookmark</source>
        <translation>Lesezeichen &amp;entfernen</translation>
    </message>
    <message>
        <source>Show Primary File &amp;Without Logs</source>
        <translation>Primärdatei &amp;ohne Protokolle zeigen</translation>
    </message>
    <message>
        <source>Show a dirty hive as its primary file is, without replaying its logs</source>
        <translation>Eine inkonsistente Struktur so zeigen, wie ihre Primärdatei ist, ohne ihre Protokolle nachzuspielen</translation>
    </message>
    <message>
        <source>&amp;About HiveKit</source>
        <translation>&amp;Über HiveKit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Open Hive</source>
        <translation>Struktur öffnen</translation>
    </message>
    <message>
        <source>Registry hives (*);;Hive files (*.dat *.hve *.hiv *.DAT)</source>
        <translation>Registrierungsstrukturen (*);;Strukturdateien (*.dat *.hve *.hiv *.DAT)</translation>
    </message>
    <message>
        <source>(root key)</source>
        <translation>(Stammschlüssel)</translation>
    </message>
    <message>
        <source>HiveKit</source>
        <translation>HiveKit</translation>
    </message>
    <message>
        <source>%1 — HiveKit</source>
        <translation>%1 — HiveKit</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Bookmarked %1</source>
        <translation>Lesezeichen für %1 gesetzt</translation>
    </message>
    <message>
        <source>Go to Key</source>
        <translation>Gehe zu Schlüssel</translation>
    </message>
    <message>
        <source>Go to Offset</source>
        <translation>Gehe zu Offset</translation>
    </message>
    <message>
        <source>File offset (hex, like 0x1020):</source>
        <translation>Datei-Offset (hexadezimal, etwa 0x1020):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an offset in this file (it has %2 bytes).</source>
        <translation>„%1“ ist kein Offset in dieser Datei (sie hat %2 Bytes).</translation>
    </message>
    <message>
        <source>Open a hive to search it.</source>
        <translation>Öffnen Sie eine Struktur, um sie zu durchsuchen.</translation>
    </message>
    <message>
        <source>Copied the %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>About HiveKit</source>
        <translation>Über HiveKit</translation>
    </message>
    <message>
        <source>&amp;Modify</source>
        <translation>Ä&amp;ndern</translation>
    </message>
    <message>
        <source>Find &amp;Deleted Keys and Values</source>
        <translation>&amp;Gelöschte Schlüssel und Werte suchen</translation>
    </message>
    <message>
        <source>Scan the free cells for keys and values that were deleted</source>
        <translation>Die freien Zellen nach gelöschten Schlüsseln und Werten durchsuchen</translation>
    </message>
    <message>
        <source>Open a hive to scan it.</source>
        <translation>Öffnen Sie eine Struktur, um sie zu durchsuchen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln Schlüssel</numerusform>
            <numerusform>%Ln Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln Wert</numerusform>
            <numerusform>%Ln Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspect offline Windows registry hives. Files open read-only; nothing is written until you choose Edit and commit your changes.</source>
        <translation>Offline-Strukturen der Windows-Registrierung untersuchen. Dateien werden schreibgeschützt geöffnet; geschrieben wird erst, wenn Sie „Bearbeiten“ wählen und Ihre Änderungen übernehmen.</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Nächster Treffer</translation>
    </message>
    <message>
        <source>Show the next search hit</source>
        <translation>Den nächsten Suchtreffer zeigen</translation>
    </message>
    <message>
        <source>Find Prev&amp;ious</source>
        <translation>Vorheriger &amp;Treffer</translation>
    </message>
    <message>
        <source>Show the previous search hit</source>
        <translation>Den vorherigen Suchtreffer zeigen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HiveKit %1&lt;/h3&gt;&lt;p&gt;An inspector and editor for offline Windows registry hives (regf).&lt;/p&gt;&lt;p&gt;Files open read-only and dirty hives are recovered from their transaction logs in memory. A file is written only when you choose Edit and commit changes, through a crash-safe transaction.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveKit %1&lt;/h3&gt;&lt;p&gt;Ein Werkzeug zum Untersuchen und Bearbeiten von Offline-Strukturen der Windows-Registrierung (regf).&lt;/p&gt;&lt;p&gt;Dateien werden schreibgeschützt geöffnet, unsaubere Strukturen im Speicher aus ihren Transaktionsprotokollen wiederhergestellt. Eine Datei wird nur geschrieben, wenn Sie „Bearbeiten“ wählen und Änderungen übernehmen, in einer absturzsicheren Transaktion.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing is written to this file. Choose Edit to make changes.</source>
        <translation>In diese Datei wird nichts geschrieben. Wählen Sie „Bearbeiten“, um Änderungen vorzunehmen.</translation>
    </message>
    <message numerus="yes">
        <source>Editing: %n pending change(s)</source>
        <translation>
            <numerusform>Bearbeitung: %n ausstehende Änderung</numerusform>
            <numerusform>Bearbeitung: %n ausstehende Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is unchanged until you commit; Discard drops the pending changes.</source>
        <translation>Die Datei bleibt unverändert, bis Sie übernehmen; „Verwerfen“ verwirft die ausstehenden Änderungen.</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>Open for editing: changes stay pending until you commit them.</source>
        <translation>Zum Bearbeiten geöffnet: Änderungen bleiben ausstehend, bis Sie sie übernehmen.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the file again as it is now on disk; pending changes stay pending</source>
        <translation>Die Datei erneut so einlesen, wie sie jetzt auf dem Datenträger liegt; ausstehende Änderungen bleiben ausstehend</translation>
    </message>
    <message>
        <source>Show &amp;Deleted Keys</source>
        <translation>&amp;Gelöschte Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show the deleted keys a scan of the file recovers in the key tree, read-only, with their values</source>
        <translation>Die gelöschten Schlüssel, die ein Scan der Datei wiederherstellt, schreibgeschützt mit ihren Werten im Schlüsselbaum anzeigen</translation>
    </message>
    <message>
        <source>Cannot show the deleted keys: %1</source>
        <translation>Die gelöschten Schlüssel können nicht angezeigt werden: %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::PendingChangesDock</name>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard All</source>
        <translation>Alle verwerfen</translation>
    </message>
    <message>
        <source>Preview as .reg…</source>
        <translation>Vorschau als .reg …</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Festschreiben …</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Alt → neu</translation>
    </message>
    <message>
        <source>&lt;opened for editing&gt;</source>
        <translation>&lt;zum Bearbeiten geöffnet&gt;</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The current hive is not open for editing.</source>
        <translation>Die aktuelle Struktur ist nicht zum Bearbeiten geöffnet.</translation>
    </message>
    <message>
        <source>No pending changes.</source>
        <translation>Keine ausstehenden Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s), applied in this order at commit.</source>
        <translation>
            <numerusform>%n ausstehende Änderung, beim Festschreiben in dieser Reihenfolge angewandt.</numerusform>
            <numerusform>%n ausstehende Änderungen, beim Festschreiben in dieser Reihenfolge angewandt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::RecoveryBanner</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive is dirty&lt;/b&gt; (its last writes did not all reach the file). Showing the primary file as it is, &lt;b&gt;without&lt;/b&gt; its transaction logs.</source>
        <translation>&lt;b&gt;Diese Struktur ist inkonsistent&lt;/b&gt; (ihre letzten Schreibvorgänge haben die Datei nicht alle erreicht). Angezeigt wird die Primärdatei, wie sie ist, &lt;b&gt;ohne&lt;/b&gt; ihre Transaktionsprotokolle.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive was dirty.&lt;/b&gt; Its transaction logs were replayed in memory: you see the hive&apos;s true state. The file itself is untouched.</source>
        <translation>&lt;b&gt;Diese Struktur war inkonsistent.&lt;/b&gt; Ihre Transaktionsprotokolle wurden im Speicher nachgespielt: Sie sehen den tatsächlichen Zustand der Struktur. Die Datei selbst ist unverändert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive is dirty&lt;/b&gt;, but no usable transaction logs were found beside it: you see the primary file as it is, which may lack its last changes.</source>
        <translation>&lt;b&gt;Diese Struktur ist inkonsistent&lt;/b&gt;, aber neben ihr wurden keine verwendbaren Transaktionsprotokolle gefunden: Sie sehen die Primärdatei, wie sie ist; ihr fehlen womöglich die letzten Änderungen.</translation>
    </message>
    <message>
        <source>No log files were looked at.</source>
        <translation>Es wurden keine Protokolldateien betrachtet.</translation>
    </message>
    <message>
        <source>Show primary file without logs</source>
        <translation>Primärdatei ohne Protokolle zeigen</translation>
    </message>
    <message>
        <source>Replay logs</source>
        <translation>Protokolle nachspielen</translation>
    </message>
    <message>
        <source>Reopen the file as it is on disk, without replaying its logs</source>
        <translation>Die Datei so wieder öffnen, wie sie auf dem Datenträger liegt, ohne ihre Protokolle nachzuspielen</translation>
    </message>
    <message>
        <source>Reopen the file with its transaction logs replayed in memory</source>
        <translation>Die Datei wieder öffnen und ihre Transaktionsprotokolle im Speicher nachspielen</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Verlauf …</translation>
    </message>
    <message>
        <source>The entries of the transaction logs and what each one changed</source>
        <translation>Die Einträge der Transaktionsprotokolle und was jeder geändert hat</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SearchDock</name>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Key names</source>
        <translation>Schlüsselnamen</translation>
    </message>
    <message>
        <source>Value names</source>
        <translation>Wertnamen</translation>
    </message>
    <message>
        <source>Value data</source>
        <translation>Wertdaten</translation>
    </message>
    <message>
        <source>Find in key names, value names and value data</source>
        <translation>In Schlüsselnamen, Wertnamen und Wertdaten suchen</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Einfacher Text</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>Ganzes Wort</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Hex bytes (data)</source>
        <translation>Hex-Bytes (Daten)</translation>
    </message>
    <message>
        <source>How the text matches: anywhere, as a whole word, as a regular expression, or as hex bytes in the raw value data</source>
        <translation>Wie der Text passt: irgendwo, als ganzes Wort, als regulärer Ausdruck oder als Hex-Bytes in den rohen Wertdaten</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Suchen in:</translation>
    </message>
    <message>
        <source>Open a hive to search it.</source>
        <translation>Öffnen Sie eine Struktur, um sie zu durchsuchen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>Stopped: </source>
        <translation>Angehalten: </translation>
    </message>
    <message>
        <source> (stopped at the limit of hits)</source>
        <translation> (an der Treffergrenze angehalten)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Stop the search</source>
        <translation>Die Suche anhalten</translation>
    </message>
    <message>
        <source>Search the hive (Enter)</source>
        <translation>Die Struktur durchsuchen (Eingabetaste)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln Treffer</numerusform>
            <numerusform>%Ln Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln Schlüssel</numerusform>
            <numerusform>%Ln Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln Wert</numerusform>
            <numerusform>%Ln Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 ms</source>
        <translation>in %1 ms</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Mehr zeigen</translation>
    </message>
    <message>
        <source>The search stopped at its limit of hits: continue it for as many again</source>
        <translation>Die Suche hat an ihrer Treffergrenze angehalten: sie um ebenso viele Treffer fortsetzen</translation>
    </message>
    <message>
        <source>No hit after this one.</source>
        <translation>Kein Treffer nach diesem.</translation>
    </message>
    <message>
        <source>No hit before this one.</source>
        <translation>Kein Treffer vor diesem.</translation>
    </message>
    <message>
        <source>Hex bytes are searched in the value data only</source>
        <translation>Hex-Bytes werden nur in den Wertdaten gesucht</translation>
    </message>
    <message>
        <source>Export Results…</source>
        <translation>Ergebnisse exportieren …</translation>
    </message>
    <message>
        <source>Save the hits as a CSV file (UTF-8)</source>
        <translation>Die Treffer als CSV-Datei speichern (UTF-8)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy Key &amp;Path</source>
        <translation>Schlüssel&amp;pfad kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Value Name</source>
        <translation>&amp;Wertname kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Match</source>
        <translation>&amp;Treffer kopieren</translation>
    </message>
    <message>
        <source>&amp;Export Results…</source>
        <translation>Ergebnisse &amp;exportieren …</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export Search Results</source>
        <translation>Suchergebnisse exportieren</translation>
    </message>
    <message>
        <source>search-results.csv</source>
        <translation>suchergebnisse.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SearchResultsModel</name>
    <message>
        <source>(root key)</source>
        <translation>(Stammschlüssel)</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Schlüsselname</translation>
    </message>
    <message>
        <source>Value name</source>
        <translation>Wertname</translation>
    </message>
    <message>
        <source>Value data</source>
        <translation>Wertdaten</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SubtreeExpander</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop expanding (Esc)</source>
        <translation>Aufklappen anhalten (Esc)</translation>
    </message>
    <message>
        <source>Expanding %1…</source>
        <translation>%1 wird aufgeklappt …</translation>
    </message>
    <message numerus="yes">
        <source>Expanding: %Ln key(s) open…</source>
        <translation>
            <numerusform>Aufklappen: %Ln Schlüssel offen …</numerusform>
            <numerusform>Aufklappen: %Ln Schlüssel offen …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineDock</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Filter key tree to this range</source>
        <translation>Schlüsselbaum auf diesen Zeitraum filtern</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Letzte</translation>
    </message>
    <message>
        <source>Show the chosen number of days before the &quot;to&quot; time</source>
        <translation>Die gewählte Anzahl Tage vor der „bis“-Zeit zeigen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show every event</source>
        <translation>Alle Ereignisse zeigen</translation>
    </message>
    <message>
        <source>Filter events…</source>
        <translation>Ereignisse filtern …</translation>
    </message>
    <message>
        <source>Hide the keys of the tab&apos;s tree that were not written in the range (their ancestors stay)</source>
        <translation>Die Schlüssel im Baum des Tabs ausblenden, die im Zeitraum nicht geschrieben wurden (ihre übergeordneten Schlüssel bleiben)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>before &quot;to&quot;</source>
        <translation>vor „bis“</translation>
    </message>
    <message>
        <source>Collecting the timeline…</source>
        <translation>Zeitleiste wird erstellt …</translation>
    </message>
    <message>
        <source>The timeline could not be collected: %1</source>
        <translation>Die Zeitleiste konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Open a hive to see its timeline.</source>
        <translation>Öffnen Sie eine Struktur, um ihre Zeitleiste zu sehen.</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>; the key tree shows the keys written in the range</source>
        <translation>; der Schlüsselbaum zeigt die im Zeitraum geschriebenen Schlüssel</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineHistogram</name>
    <message>
        <source>Events over time: drag to choose a range</source>
        <translation>Ereignisse im Zeitverlauf: Ziehen Sie, um einen Zeitraum zu wählen</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineModel</name>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Key last written</source>
        <translation>Schlüssel zuletzt geschrieben</translation>
    </message>
    <message>
        <source>Deleted key last written</source>
        <translation>Gelöschter Schlüssel zuletzt geschrieben</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>deleted key</source>
        <translation>gelöschter Schlüssel</translation>
    </message>
    <message>
        <source>Key \%1 last written</source>
        <translation>Schlüssel \%1 zuletzt geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Deleted key \%1 last written (%n value(s) recovered)</source>
        <translation>
            <numerusform>Gelöschter Schlüssel \%1 zuletzt geschrieben (%n Wert wiederhergestellt)</numerusform>
            <numerusform>Gelöschter Schlüssel \%1 zuletzt geschrieben (%n Werte wiederhergestellt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ValueCodec</name>
    <message>
        <source>Enter a number (decimal, or hex with 0x).</source>
        <translation>Geben Sie eine Zahl ein (dezimal oder hexadezimal mit 0x).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number (decimal, or hex with 0x).</source>
        <translation>„%1“ ist keine Zahl (dezimal oder hexadezimal mit 0x).</translation>
    </message>
    <message>
        <source>A string cannot hold a NUL character (use the raw editor).</source>
        <translation>Eine Zeichenfolge kann kein NUL-Zeichen enthalten (verwenden Sie den Roheditor).</translation>
    </message>
    <message>
        <source>A DWORD</source>
        <translation>Ein DWORD</translation>
    </message>
    <message>
        <source>A QWORD</source>
        <translation>Ein QWORD</translation>
    </message>
    <message>
        <source>A type number</source>
        <translation>Eine Typnummer</translation>
    </message>
    <message>
        <source>%1 (variables left as text: %2; an offline hive has no environment to expand them)</source>
        <translation>%1 (Variablen bleiben Text: %2; eine Offline-Struktur hat keine Umgebung, um sie aufzulösen)</translation>
    </message>
    <message>
        <source>line %1, position %2</source>
        <translation>Zeile %1, Position %2</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>Position %1</translation>
    </message>
    <message>
        <source>%1 out of range: %2 is not between %3 and %4.</source>
        <translation>%1 außerhalb des Bereichs: %2 liegt nicht zwischen %3 und %4.</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Eine Zahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at %2 is not a hex digit.</source>
        <translation>„%1“ bei %2 ist keine Hexadezimalziffer.</translation>
    </message>
    <message>
        <source>Odd number of hex digits in &quot;%1&quot; at %2: each byte takes two (or one alone).</source>
        <translation>Ungerade Anzahl Hexadezimalziffern in „%1“ bei %2: Jedes Byte braucht zwei (oder eine allein).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at %2 has no hex digits after it.</source>
        <translation>Auf „%1“ bei %2 folgen keine Hexadezimalziffern.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ValueEditDialog</name>
    <message>
        <source>String (REG_SZ)</source>
        <translation>Zeichenfolge (REG_SZ)</translation>
    </message>
    <message>
        <source>Expandable string (REG_EXPAND_SZ)</source>
        <translation>Erweiterbare Zeichenfolge (REG_EXPAND_SZ)</translation>
    </message>
    <message>
        <source>Multi-string (REG_MULTI_SZ)</source>
        <translation>Mehrteilige Zeichenfolge (REG_MULTI_SZ)</translation>
    </message>
    <message>
        <source>DWORD (REG_DWORD)</source>
        <translation>DWORD (REG_DWORD)</translation>
    </message>
    <message>
        <source>QWORD (REG_QWORD)</source>
        <translation>QWORD (REG_QWORD)</translation>
    </message>
    <message>
        <source>Binary (REG_BINARY)</source>
        <translation>Binär (REG_BINARY)</translation>
    </message>
    <message>
        <source>None (REG_NONE)</source>
        <translation>Keiner (REG_NONE)</translation>
    </message>
    <message>
        <source>Type number:</source>
        <translation>Typnummer:</translation>
    </message>
    <message>
        <source>Overwrite (Insert)</source>
        <translation>Überschreiben (Einfg)</translation>
    </message>
    <message>
        <source>New Value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>Edit Value</source>
        <translation>Wert bearbeiten</translation>
    </message>
    <message>
        <source>Raw (any type number and bytes)</source>
        <translation>Roh (beliebige Typnummer und Bytes)</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>e.g. 3 or 0x20</source>
        <translation>z. B. 3 oder 0x20</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>One string a line:</source>
        <translation>Eine Zeichenfolge pro Zeile:</translation>
    </message>
    <message>
        <source>Number (decimal, or hex with 0x):</source>
        <translation>Zahl (dezimal oder hexadezimal mit 0x):</translation>
    </message>
    <message>
        <source>Bytes: type hex digits (or text in the right column); paste hex with Ctrl+V:</source>
        <translation>Bytes: Geben Sie Hexadezimalziffern ein (oder Text in der rechten Spalte); Hex mit Strg+V einfügen:</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ValueTableModel</name>
    <message>
        <source>&lt;unreadable value at %1&gt;</source>
        <translation>&lt;unlesbarer Wert bei %1&gt;</translation>
    </message>
    <message>
        <source>&lt;unreadable data: %1&gt;</source>
        <translation>&lt;unlesbare Daten: %1&gt;</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>value record at %1</source>
        <translation>Werteintrag bei %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>deleted by a pending change (undo to keep it)</source>
        <translation>durch eine ausstehende Änderung gelöscht (rückgängig machen, um ihn zu behalten)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::ByteDiffView</name>
    <message>
        <source>Old data (A)</source>
        <translation>Alte Daten (A)</translation>
    </message>
    <message>
        <source>New data (B)</source>
        <translation>Neue Daten (B)</translation>
    </message>
    <message>
        <source>(no such value on this side)</source>
        <translation>(kein solcher Wert auf dieser Seite)</translation>
    </message>
    <message>
        <source>(no data)</source>
        <translation>(keine Daten)</translation>
    </message>
    <message>
        <source>… the first %1 bytes of %2</source>
        <translation>… die ersten %1 Bytes von %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareModel</name>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(Stamm)</translation>
    </message>
    <message>
        <source>differences below</source>
        <translation>Unterschiede darunter</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareValueModel</name>
    <message>
        <source>(Default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Old type (A)</source>
        <translation>Alter Typ (A)</translation>
    </message>
    <message>
        <source>Old data (A)</source>
        <translation>Alte Daten (A)</translation>
    </message>
    <message>
        <source>New type (B)</source>
        <translation>Neuer Typ (B)</translation>
    </message>
    <message>
        <source>New data (B)</source>
        <translation>Neue Daten (B)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareWindow</name>
    <message>
        <source>Only &amp;differences</source>
        <translation>Nur &amp;Unterschiede</translation>
    </message>
    <message>
        <source>Ignore last-write &amp;times</source>
        <translation>Letzte Schreib&amp;zeiten ignorieren</translation>
    </message>
    <message>
        <source>Compare Hives</source>
        <translation>Strukturen vergleichen</translation>
    </message>
    <message>
        <source>A (old): %1
B (new): %2</source>
        <translation>A (alt): %1
B (neu): %2</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleich läuft …</translation>
    </message>
    <message>
        <source>The hives cannot be compared: %1</source>
        <translation>Die Strukturen können nicht verglichen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln difference(s)</source>
        <translation>
            <numerusform>%Ln Unterschied</numerusform>
            <numerusform>%Ln Unterschiede</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s) added</source>
        <translation>
            <numerusform>%Ln Schlüssel hinzugefügt</numerusform>
            <numerusform>%Ln Schlüssel hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <translation>
            <numerusform>%Ln entfernt</numerusform>
            <numerusform>%Ln entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>%Ln geändert</numerusform>
            <numerusform>%Ln geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s) added</source>
        <translation>
            <numerusform>%Ln Wert hinzugefügt</numerusform>
            <numerusform>%Ln Werte hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln part(s) could not be read)</source>
        <translation>
            <numerusform>(%Ln Teil konnte nicht gelesen werden)</numerusform>
            <numerusform>(%Ln Teile konnten nicht gelesen werden)</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;mpare With…</source>
        <translation>&amp;Vergleichen mit …</translation>
    </message>
    <message>
        <source>Compare the current hive with another hive file</source>
        <translation>Die aktuelle Struktur mit einer anderen Strukturdatei vergleichen</translation>
    </message>
    <message>
        <source>Compare: Choose Hive A (Old)</source>
        <translation>Vergleichen: Struktur A (alt) wählen</translation>
    </message>
    <message>
        <source>Compare %1 With Hive B (New)</source>
        <translation>%1 mit Struktur B (neu) vergleichen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect offline Windows registry hives (read-only).</source>
        <translation>Offline-Strukturen der Windows-Registrierung untersuchen (schreibgeschützt).</translation>
    </message>
    <message>
        <source>Hive files to open.</source>
        <translation>Zu öffnende Strukturdateien.</translation>
    </message>
</context>
</TS>
