<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ArtefactNavigation</name>
    <message>
        <source>The hive is not open yet.</source>
        <translation>La ruche n’est pas encore ouverte.</translation>
    </message>
    <message>
        <source>The key has no value called &quot;%1&quot;.</source>
        <translation>La clé n’a pas de valeur nommée «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>CellColors</name>
    <message>
        <source>key node (nk)</source>
        <translation>nœud de clé (nk)</translation>
    </message>
    <message>
        <source>value (vk)</source>
        <translation>valeur (vk)</translation>
    </message>
    <message>
        <source>security (sk)</source>
        <translation>sécurité (sk)</translation>
    </message>
    <message>
        <source>index leaf (li)</source>
        <translation>feuille d’index (li)</translation>
    </message>
    <message>
        <source>fast leaf (lf)</source>
        <translation>feuille rapide (lf)</translation>
    </message>
    <message>
        <source>hash leaf (lh)</source>
        <translation>feuille de hachage (lh)</translation>
    </message>
    <message>
        <source>index root (ri)</source>
        <translation>racine d’index (ri)</translation>
    </message>
    <message>
        <source>big data (db)</source>
        <translation>grandes données (db)</translation>
    </message>
    <message>
        <source>data</source>
        <translation>données</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>cellule</translation>
    </message>
    <message>
        <source>key node</source>
        <translation>nœud de clé</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>security</source>
        <translation>sécurité</translation>
    </message>
    <message>
        <source>subkey list</source>
        <translation>liste des sous-clés</translation>
    </message>
    <message>
        <source>value list</source>
        <translation>liste des valeurs</translation>
    </message>
    <message>
        <source>class name</source>
        <translation>nom de classe</translation>
    </message>
    <message>
        <source>value data</source>
        <translation>données de valeur</translation>
    </message>
    <message>
        <source>big data</source>
        <translation>grandes données</translation>
    </message>
    <message>
        <source>segment list</source>
        <translation>liste des segments</translation>
    </message>
    <message>
        <source>data segment</source>
        <translation>segment de données</translation>
    </message>
    <message>
        <source>hbin header</source>
        <translation>en-tête de hbin</translation>
    </message>
    <message>
        <source>base block</source>
        <translation>bloc de base</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>(zero-length binary value)</source>
        <translation>(valeur binaire de longueur nulle)</translation>
    </message>
    <message numerus="yes">
        <source>... %Ln more byte(s)</source>
        <translation>
            <numerusform>… %Ln octet de plus</numerusform>
            <numerusform>… %Ln octets de plus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ArtefactTableModel</name>
    <message numerus="yes">
        <source>(%Ln byte(s))</source>
        <translation>
            <numerusform>(%Ln octet)</numerusform>
            <numerusform>(%Ln octets)</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>The key the row was read from</source>
        <translation>La clé dont la ligne a été lue</translation>
    </message>
    <message>
        <source>The value the row was read from</source>
        <translation>La valeur dont la ligne a été lue</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Bytes (hex)</source>
        <translation>Octets (hex)</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>Oui ou non</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ArtefactsDock</name>
    <message>
        <source>Artefacts</source>
        <translation>Artefacts</translation>
    </message>
    <message>
        <source>The artefacts decoded from this hive, with their row counts</source>
        <translation>Les artefacts décodés de cette ruche, avec leur nombre de lignes</translation>
    </message>
    <message>
        <source>No artefacts</source>
        <translation>Aucun artefact</translation>
    </message>
    <message>
        <source>Filter rows (any column)</source>
        <translation>Filtrer les lignes (toutes les colonnes)</translation>
    </message>
    <message>
        <source>Decode</source>
        <translation>Décoder</translation>
    </message>
    <message>
        <source>Run the artefact decoders on the hive again</source>
        <translation>Relancer les décodeurs d’artefacts sur la ruche</translation>
    </message>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>&amp;Copier les lignes</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text with a header line</source>
        <translation>Copier les lignes sélectionnées en texte séparé par des tabulations, avec une ligne d’en-tête</translation>
    </message>
    <message>
        <source>&amp;Go to Key and Value</source>
        <translation>&amp;Aller à la clé et à la valeur</translation>
    </message>
    <message>
        <source>Export Table as C&amp;SV…</source>
        <translation>Exporter le tableau en C&amp;SV…</translation>
    </message>
    <message>
        <source>Write the shown table as CSV, as hivectl artefacts --csv does</source>
        <translation>Écrire le tableau affiché en CSV, comme hivectl artefacts --csv</translation>
    </message>
    <message>
        <source>Export All Tables as &amp;JSON…</source>
        <translation>Exporter tous les tableaux en &amp;JSON…</translation>
    </message>
    <message>
        <source>Write every table of this hive as JSON, as hivectl artefacts --json does</source>
        <translation>Écrire tous les tableaux de cette ruche en JSON, comme hivectl artefacts --json</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Open a hive to see its artefacts.</source>
        <translation>Ouvrez une ruche pour voir ses artefacts.</translation>
    </message>
    <message>
        <source>Decoding the artefacts…</source>
        <translation>Décodage des artefacts…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln row(s)</source>
        <translation>
            <numerusform>%1 — %Ln ligne</numerusform>
            <numerusform>%1 — %Ln lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>HiveKit cannot tell from its keys which hive this is (SYSTEM, NTUSER.DAT, …), so no artefact decoder applies to it.</source>
        <translation>HiveKit ne reconnaît pas à ses clés de quelle ruche il s’agit (SYSTEM, NTUSER.DAT, …)&#xa0;: aucun décodeur d’artefacts ne s’y applique.</translation>
    </message>
    <message>
        <source>HiveKit has no artefact decoders for %1 hives yet.</source>
        <translation>HiveKit n’a pas encore de décodeur d’artefacts pour les ruches %1.</translation>
    </message>
    <message>
        <source>Hives with decoders: %1.</source>
        <translation>Ruches avec décodeurs&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Reads: %1</source>
        <translation>Lit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Hive of unknown kind</source>
        <translation>Ruche de type inconnu</translation>
    </message>
    <message>
        <source>%1 hive</source>
        <translation>Ruche %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln artefact(s)</source>
        <translation>
            <numerusform>%Ln artefact</numerusform>
            <numerusform>%Ln artefacts</numerusform>
        </translation>
    </message>
    <message>
        <source>decoded in %1 ms</source>
        <translation>décodé en %1&#xa0;ms</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln ligne</numerusform>
            <numerusform>%Ln lignes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln row(s) shown</source>
        <translation>
            <numerusform>%1 ligne affichée sur %Ln</numerusform>
            <numerusform>%1 lignes affichées sur %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with a note</source>
        <translation>
            <numerusform>%Ln ligne avec une remarque</numerusform>
            <numerusform>%Ln lignes avec une remarque</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>No table is shown.</source>
        <translation>Aucun tableau n’est affiché.</translation>
    </message>
    <message>
        <source>No hive was decoded.</source>
        <translation>Aucune ruche n’a été décodée.</translation>
    </message>
    <message>
        <source>Export Artefact Table</source>
        <translation>Exporter le tableau d’artefacts</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export Artefacts</source>
        <translation>Exporter les artefacts</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>Fichiers JSON (*.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::CellFieldModel</name>
    <message>
        <source>%1 in a free cell</source>
        <translation>%1 dans une cellule libre</translation>
    </message>
    <message>
        <source>%1   — %2, %3 bytes at %4</source>
        <translation>%1   — %2, %3 octets à %4</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problème</translation>
    </message>
    <message>
        <source>%1
Click to go to this cell.</source>
        <translation>%1
Cliquez pour aller à cette cellule.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) at %1</source>
        <translation>
            <numerusform>%Ln octet à %1</numerusform>
            <numerusform>%Ln octets à %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::CommitDialog</name>
    <message>
        <source>Free space in the hive now: %1 in %2 free cell(s), the largest %3.</source>
        <translation>Espace libre dans la ruche actuellement&#xa0;: %1 dans %2 cellule(s) libre(s), la plus grande %3.</translation>
    </message>
    <message>
        <source>In place</source>
        <translation>Sur place</translation>
    </message>
    <message>
        <source>Append</source>
        <translation>Ajout en fin</translation>
    </message>
    <message>
        <source>Hybrid (recommended)</source>
        <translation>Hybride (recommandé)</translation>
    </message>
    <message>
        <source>Keep a backup copy of the file first (NAME.bak)</source>
        <translation>Conserver d’abord une copie de sauvegarde du fichier (NAME.bak)</translation>
    </message>
    <message>
        <source>Commit Changes</source>
        <translation>Valider les modifications</translation>
    </message>
    <message numerus="yes">
        <source>Write %n pending change(s) to the file, in one crash-safe transaction.</source>
        <translation>
            <numerusform>Écrire %n modification en attente dans le fichier, en une seule transaction résistante aux pannes.</numerusform>
            <numerusform>Écrire %n modifications en attente dans le fichier, en une seule transaction résistante aux pannes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rewrites records in their cells when they fit and reuses free space: the file grows least.</source>
        <translation>Réécrit les enregistrements dans leurs cellules quand ils y tiennent et réutilise l’espace libre&#xa0;: le fichier grossit le moins.</translation>
    </message>
    <message>
        <source>Writes every new record at the end and frees nothing: old records stay as a forensic trail.</source>
        <translation>Écrit chaque nouvel enregistrement à la fin et ne libère rien&#xa0;: les anciens enregistrements restent comme trace pour l’investigation.</translation>
    </message>
    <message>
        <source>In place for keys and small values, large values at the end: the default.</source>
        <translation>Sur place pour les clés et les petites valeurs, les grandes valeurs à la fin&#xa0;: le réglage par défaut.</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Durable commit: the log, the hive&apos;s pages and its header are each flushed to the disk before the next step, so a commit that succeeds survives a power cut.</source>
        <translation>Validation durable&#xa0;: le journal, les pages de la ruche et son en-tête sont chacun écrits sur le disque avant l’étape suivante&#xa0;; une validation réussie survit donc à une coupure de courant.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DamageBanner</name>
    <message>
        <source>Show Problems</source>
        <translation>Afficher les problèmes</translation>
    </message>
    <message>
        <source>Open the Problems panel with every finding of the structural check</source>
        <translation>Ouvrir le panneau «&#xa0;Problèmes&#xa0;» avec tous les constats de la vérification de structure</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln avertissement</numerusform>
            <numerusform>%Ln avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln more not listed)</source>
        <translation>
            <numerusform>(%Ln autre non listé)</numerusform>
            <numerusform>(%Ln autres non listés)</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive is damaged.&lt;/b&gt; The structural check found %1. Editing it may make it worse.</source>
        <translation>&lt;b&gt;Cette ruche est endommagée.&lt;/b&gt; La vérification de sa structure a trouvé %1. La modifier risque d’aggraver les dégâts.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DataInterpreter</name>
    <message>
        <source>Needs %1 bytes; only %2 left.</source>
        <translation>Nécessite %1 octets&#xa0;; il n’en reste que %2.</translation>
    </message>
    <message>
        <source>invalid (%1)</source>
        <translation>invalide (%1)</translation>
    </message>
    <message>
        <source>little endian</source>
        <translation>little-endian</translation>
    </message>
    <message>
        <source>big endian</source>
        <translation>big-endian</translation>
    </message>
    <message>
        <source>%1 seconds is past year 9999</source>
        <translation>%1 secondes dépassent l’an 9999</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>%1 bytes read; control characters shown as dots</source>
        <translation>%1 octets lus&#xa0;; caractères de contrôle affichés sous forme de points</translation>
    </message>
    <message>
        <source>not set (0)</source>
        <translation>non défini (0)</translation>
    </message>
    <message>
        <source>A FILETIME of zero: no time was recorded.</source>
        <translation>Un FILETIME nul&#xa0;: aucune heure n’a été enregistrée.</translation>
    </message>
    <message>
        <source>the top bit is set</source>
        <translation>le bit de poids fort est à 1</translation>
    </message>
    <message>
        <source>past year 9999</source>
        <translation>au-delà de l’an 9999</translation>
    </message>
    <message>
        <source>100 ns intervals since 1601-01-01 UTC, little endian: %1</source>
        <translation>Intervalles de 100 ns depuis le 1601-01-01 UTC, little-endian&#xa0;: %1</translation>
    </message>
    <message>
        <source>not set (all zero)</source>
        <translation>non défini (tout à zéro)</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>année %1</translation>
    </message>
    <message>
        <source>month %1</source>
        <translation>mois %1</translation>
    </message>
    <message>
        <source>day of week %1</source>
        <translation>jour de la semaine %1</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>jour %1</translation>
    </message>
    <message>
        <source>time %1:%2:%3.%4</source>
        <translation>heure %1:%2:%3.%4</translation>
    </message>
    <message>
        <source>Year, month, day of week, day, hour, minute, second, milliseconds (16-bit each); the time zone is not stored: Windows writes these in UTC</source>
        <translation>Année, mois, jour de la semaine, jour, heure, minute, seconde, millisecondes (16 bits chacun)&#xa0;; le fuseau horaire n’est pas stocké&#xa0;: Windows les écrit en UTC</translation>
    </message>
    <message>
        <source>Unsigned 32-bit seconds since 1970-01-01 UTC, %1</source>
        <translation>Secondes sur 32 bits non signées depuis le 1970-01-01 UTC, %1</translation>
    </message>
    <message>
        <source>Signed 64-bit seconds since 1970-01-01 UTC, %1</source>
        <translation>Secondes sur 64 bits signées depuis le 1970-01-01 UTC, %1</translation>
    </message>
    <message>
        <source>time %1:%2:%3</source>
        <translation>heure %1:%2:%3</translation>
    </message>
    <message>
        <source>%1 (local time)</source>
        <translation>%1 (heure locale)</translation>
    </message>
    <message>
        <source>FAT date (bytes 0-1) and time (bytes 2-3), little endian, in the local time of the machine that wrote it, to two seconds</source>
        <translation>Date FAT (octets 0-1) et heure (octets 2-3), little-endian, dans l’heure locale de la machine qui les a écrites, à deux secondes près</translation>
    </message>
    <message>
        <source>Data1 (4 bytes), Data2 and Data3 (2 bytes each) little endian, then 8 bytes in order</source>
        <translation>Data1 (4 octets), Data2 et Data3 (2 octets chacun) en little-endian, puis 8 octets dans l’ordre</translation>
    </message>
    <message>
        <source>revision %1, not 1</source>
        <translation>révision %1, pas 1</translation>
    </message>
    <message>
        <source>%1 sub-authorities, at most 15</source>
        <translation>%1 sous-autorités, 15 au maximum</translation>
    </message>
    <message>
        <source>%1 bytes: revision, count, 48-bit authority, 32-bit sub-authorities</source>
        <translation>%1 octets&#xa0;: révision, nombre, autorité sur 48 bits, sous-autorités sur 32 bits</translation>
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
        <translation>Temps Unix (32 bits)</translation>
    </message>
    <message>
        <source>Unix time (64-bit)</source>
        <translation>Temps Unix (64 bits)</translation>
    </message>
    <message>
        <source>DOS date/time</source>
        <translation>Date/heure DOS</translation>
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
        <translation>Texte UTF-16LE</translation>
    </message>
    <message>
        <source>Latin-1 text</source>
        <translation>Texte Latin-1</translation>
    </message>
    <message>
        <source>ROT13 of UTF-16LE text</source>
        <translation>ROT13 du texte UTF-16LE</translation>
    </message>
    <message>
        <source>ROT13 of Latin-1 text</source>
        <translation>ROT13 du texte Latin-1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DeletedDock</name>
    <message>
        <source>Deleted</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Scan the free cells of the hive for deleted keys and values.</source>
        <translation>Parcourir les cellules libres de la ruche à la recherche de clés et de valeurs supprimées.</translation>
    </message>
    <message>
        <source>Open a hive to scan it.</source>
        <translation>Ouvrez une ruche pour la parcourir.</translation>
    </message>
    <message>
        <source>Scanning the free cells…</source>
        <translation>Parcours des cellules libres…</translation>
    </message>
    <message>
        <source>Stopped: the scan was cancelled.</source>
        <translation>Arrêté&#xa0;: le parcours a été annulé.</translation>
    </message>
    <message>
        <source>The scan failed: %1</source>
        <translation>Le parcours a échoué&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted key(s)</source>
        <translation>
            <numerusform>%Ln clé supprimée</numerusform>
            <numerusform>%Ln clés supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted value(s)</source>
        <translation>
            <numerusform>%Ln valeur supprimée</numerusform>
            <numerusform>%Ln valeurs supprimées</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Parcourir</translation>
    </message>
    <message>
        <source>Stop the scan</source>
        <translation>Arrêter le parcours</translation>
    </message>
    <message>
        <source>Scan the free cells of the current hive for deleted keys and values</source>
        <translation>Parcourir les cellules libres de la ruche courante à la recherche de clés et de valeurs supprimées</translation>
    </message>
    <message>
        <source>Export to .reg…</source>
        <translation>Exporter en .reg…</translation>
    </message>
    <message>
        <source>Write the deleted keys and values found as a .reg file (as hivectl deleted --reg)</source>
        <translation>Écrire les clés et valeurs supprimées trouvées dans un fichier .reg (comme hivectl deleted --reg)</translation>
    </message>
    <message>
        <source>%1 scanned in %2 ms</source>
        <translation>%1 parcouru en %2 ms</translation>
    </message>
    <message>
        <source>There is no scan to export.</source>
        <translation>Il n’y a aucun parcours à exporter.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export deleted keys and values</source>
        <translation>Exporter les clés et valeurs supprimées</translation>
    </message>
    <message>
        <source>Registry files (*.reg)</source>
        <translation>Fichiers du Registre (*.reg)</translation>
    </message>
    <message>
        <source>Export to .reg</source>
        <translation>Exporter en .reg</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DeletedModel</name>
    <message>
        <source>intact</source>
        <translation>intactes</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vides</translation>
    </message>
    <message>
        <source>overwritten</source>
        <translation>écrasées</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>tronquées</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquantes</translation>
    </message>
    <message numerus="yes">
        <source>Values without a known key (%Ln)</source>
        <translation>
            <numerusform>Valeur sans clé connue (%Ln)</numerusform>
            <numerusform>Valeurs sans clé connue (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted values whose key is not among the deleted keys found: deleted from a key that still exists, or from one whose node was overwritten.</source>
        <translation>Valeurs supprimées dont la clé ne figure pas parmi les clés supprimées trouvées&#xa0;: supprimées d’une clé qui existe encore, ou d’une clé dont le nœud a été écrasé.</translation>
    </message>
    <message>
        <source>Deleted key; its parent is a key of the live tree.</source>
        <translation>Clé supprimée&#xa0;; sa clé parente appartient à l’arbre actuel.</translation>
    </message>
    <message>
        <source>Deleted key; its parent is not a live key.</source>
        <translation>Clé supprimée&#xa0;; sa clé parente n’appartient pas à l’arbre actuel.</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln valeur</numerusform>
            <numerusform>%Ln valeurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subkey(s)</source>
        <translation>
            <numerusform>%Ln sous-clé</numerusform>
            <numerusform>%Ln sous-clés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln byte(s) recovered (%2)</source>
        <translation>
            <numerusform>%1 sur %Ln octet récupérés (%2)</numerusform>
            <numerusform>%1 sur %Ln octets récupérés (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Path or name</source>
        <translation>Chemin ou nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Dernière écriture</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>free cell</source>
        <translation>cellule libre</translation>
    </message>
    <message>
        <source>inside a free cell</source>
        <translation>dans une cellule libre</translation>
    </message>
    <message>
        <source>unreferenced cell</source>
        <translation>cellule non référencée</translation>
    </message>
    <message>
        <source>cell slack</source>
        <translation>espace résiduel de cellule</translation>
    </message>
    <message>
        <source>past the last hbin</source>
        <translation>après le dernier hbin</translation>
    </message>
    <message>
        <source>At the start of a free cell: the cell freed when it was deleted.</source>
        <translation>Au début d’une cellule libre&#xa0;: la cellule libérée lors de la suppression.</translation>
    </message>
    <message>
        <source>Inside a free cell: its own cell was freed and absorbed by a free neighbour before it.</source>
        <translation>Dans une cellule libre&#xa0;: sa propre cellule a été libérée puis absorbée par une voisine libre qui la précède.</translation>
    </message>
    <message>
        <source>In an allocated cell that nothing in the live tree references: unlinked but never freed.</source>
        <translation>Dans une cellule allouée que rien ne référence dans l’arbre actuel&#xa0;: détachée mais jamais libérée.</translation>
    </message>
    <message>
        <source>In the slack of an allocated cell, past what its owner uses.</source>
        <translation>Dans l’espace résiduel d’une cellule allouée, au-delà de ce qu’utilise son propriétaire.</translation>
    </message>
    <message>
        <source>In the bytes of the file past the last hbin the base block declares.</source>
        <translation>Dans les octets du fichier au-delà du dernier hbin déclaré par le bloc de base.</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trouvé dans</translation>
    </message>
    <message>
        <source>Deleted key, recovered (read-only)</source>
        <translation>Clé supprimée, récupérée (lecture seule)</translation>
    </message>
    <message>
        <source>Found in: %1</source>
        <translation>Trouvée dans : %1</translation>
    </message>
    <message>
        <source>Key node at %1</source>
        <translation>Nœud de clé à %1</translation>
    </message>
    <message>
        <source>Last written: %1</source>
        <translation>Dernière écriture : %1</translation>
    </message>
    <message>
        <source>Deleted value, recovered (read-only)</source>
        <translation>Valeur supprimée, récupérée (lecture seule)</translation>
    </message>
    <message>
        <source>Value record at %1</source>
        <translation>Enregistrement de valeur à %1</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Données : %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DetailsPane</name>
    <message>
        <source>Select a key or a value to see its details.</source>
        <translation>Sélectionnez une clé ou une valeur pour en voir les détails.</translation>
    </message>
    <message>
        <source>Unreadable key</source>
        <translation>Clé illisible</translation>
    </message>
    <message>
        <source>Key node</source>
        <translation>Nœud de clé</translation>
    </message>
    <message>
        <source>root key</source>
        <translation>clé racine</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Dernière écriture</translation>
    </message>
    <message>
        <source>Class name</source>
        <translation>Nom de classe</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Subkeys</source>
        <translation>Sous-clés</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>(cell %1)</source>
        <translation>(cellule %1)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellules</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Subkey list</source>
        <translation>Liste des sous-clés</translation>
    </message>
    <message>
        <source>Value list</source>
        <translation>Liste des valeurs</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Class name cell</source>
        <translation>Cellule du nom de classe</translation>
    </message>
    <message>
        <source>Largest names</source>
        <translation>Noms les plus longs</translation>
    </message>
    <message>
        <source>subkey %1, class %2, value %3 bytes; largest data %4 bytes</source>
        <translation>sous-clé %1, classe %2, valeur %3 octets&#xa0;; plus grandes données %4 octets</translation>
    </message>
    <message>
        <source>Security descriptor</source>
        <translation>Descripteur de sécurité</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Utilisé par</translation>
    </message>
    <message>
        <source>SDDL</source>
        <translation>SDDL</translation>
    </message>
    <message>
        <source>Unreadable value</source>
        <translation>Valeur illisible</translation>
    </message>
    <message>
        <source>Value record</source>
        <translation>Enregistrement de valeur</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>value of the root key</source>
        <translation>valeur de la clé racine</translation>
    </message>
    <message>
        <source>value of %1</source>
        <translation>valeur de %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>inline, in the value record&apos;s data offset field</source>
        <translation>en ligne, dans le champ de décalage des données de l’enregistrement de valeur</translation>
    </message>
    <message>
        <source>cell at %1</source>
        <translation>cellule à %1</translation>
    </message>
    <message>
        <source>big data record (db) at %1</source>
        <translation>enregistrement de grandes données (db) à %1</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>Décodé</translation>
    </message>
    <message>
        <source>(no strings)</source>
        <translation>(aucune chaîne)</translation>
    </message>
    <message>
        <source>(zero-length binary value)</source>
        <translation>(valeur binaire de longueur nulle)</translation>
    </message>
    <message>
        <source>binary data, see the bytes below</source>
        <translation>données binaires, voir les octets ci-dessous</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln clé</numerusform>
            <numerusform>%Ln clés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %Ln byte(s) of the declared data could be read.</source>
        <translation>
            <numerusform>Seul %Ln octet des données déclarées a pu être lu.</numerusform>
            <numerusform>Seuls %Ln octets des données déclarées ont pu être lus.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiagnosticsDock</name>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>No hive open.</source>
        <translation>Aucune ruche ouverte.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Click one to go to its offset.</source>
        <translation>Cliquez sur l’un d’eux pour aller à son décalage.</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln avertissement</numerusform>
            <numerusform>%Ln avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln remarque</numerusform>
            <numerusform>%Ln remarques</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Check Again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Stop the structural check of this hive</source>
        <translation>Arrêter la vérification de la structure de cette ruche</translation>
    </message>
    <message>
        <source>Run the structural check of this hive again</source>
        <translation>Vérifier à nouveau la structure de cette ruche</translation>
    </message>
    <message>
        <source>Opening the hive…</source>
        <translation>Ouverture de la ruche…</translation>
    </message>
    <message>
        <source>Checking the structure of the whole hive…</source>
        <translation>Vérification de la structure de toute la ruche…</translation>
    </message>
    <message>
        <source>The check was stopped before its end: what it found so far is not shown.</source>
        <translation>La vérification a été arrêtée avant la fin&#xa0;: ce qu’elle avait trouvé n’est pas affiché.</translation>
    </message>
    <message numerus="yes">
        <source>(%Ln more not listed)</source>
        <translation>
            <numerusform>(%Ln autre non listé)</numerusform>
            <numerusform>(%Ln autres non listés)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiagnosticsModel</name>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Double-click to go to file offset %1</source>
        <translation>Double-cliquez pour aller au décalage %1 du fichier</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DirtyHiveActions</name>
    <message>
        <source>Save &amp;Recovered Copy…</source>
        <translation>Enregistrer la copie &amp;récupérée…</translation>
    </message>
    <message>
        <source>Write the hive with its transaction logs replayed to a new file; the hive and its logs stay untouched</source>
        <translation>Écrire la ruche, journaux de transactions rejoués, dans un nouveau fichier&#xa0;; la ruche et ses journaux restent intacts</translation>
    </message>
    <message>
        <source>Edit a Dirty Hive</source>
        <translation>Modifier une ruche incohérente</translation>
    </message>
    <message>
        <source>Cannot edit: %1</source>
        <translation>Modification impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>HiveKit can write the recovered hive (its logs replayed) to a new file and edit that, leaving this file and its logs untouched; or apply the logs to this file itself, as Windows does when it loads the hive, after a backup copy.</source>
        <translation>HiveKit peut écrire la ruche récupérée (ses journaux rejoués) dans un nouveau fichier et modifier celui-ci, en laissant intacts ce fichier et ses journaux&#xa0;; ou bien appliquer les journaux à ce fichier lui-même, comme le fait Windows au chargement de la ruche, après une copie de sauvegarde.</translation>
    </message>
    <message>
        <source>Recover into a Copy and Edit That…</source>
        <translation>Récupérer dans une copie et modifier celle-ci…</translation>
    </message>
    <message>
        <source>Apply the Logs to This File…</source>
        <translation>Appliquer les journaux à ce fichier…</translation>
    </message>
    <message>
        <source>Save Recovered Copy</source>
        <translation>Enregistrer la copie récupérée</translation>
    </message>
    <message>
        <source>Apply the Logs to the File</source>
        <translation>Appliquer les journaux au fichier</translation>
    </message>
    <message>
        <source>Apply the transaction logs to %1?</source>
        <translation>Appliquer les journaux de transactions à %1&#xa0;?</translation>
    </message>
    <message>
        <source>The file is rewritten with the state its logs hold and the logs are marked as used, as Windows does when it loads the hive. First the file as it is now is copied to %1.</source>
        <translation>Le fichier est réécrit avec l’état que contiennent ses journaux, et les journaux sont marqués comme utilisés, comme le fait Windows au chargement de la ruche. Auparavant, le fichier tel qu’il est actuellement est copié vers %1.</translation>
    </message>
    <message>
        <source>Apply the Logs</source>
        <translation>Appliquer les journaux</translation>
    </message>
    <message>
        <source>Refusing to write over %1: the recovered copy must be another file.</source>
        <translation>Refus d’écraser %1&#xa0;: la copie récupérée doit être un autre fichier.</translation>
    </message>
    <message>
        <source>%1 is dirty and no log could be applied; nothing written.</source>
        <translation>%1 est incohérent et aucun journal n’a pu être appliqué&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Wrote the recovered hive to %1 (%2).</source>
        <translation>Ruche récupérée écrite dans %1 (%2).</translation>
    </message>
    <message>
        <source>The hive is clean; wrote a copy to %1 (%2).</source>
        <translation>La ruche est cohérente&#xa0;; une copie a été écrite dans %1 (%2).</translation>
    </message>
    <message>
        <source>%1 is not dirty: there is nothing to apply.</source>
        <translation>%1 n’est pas incohérent&#xa0;: il n’y a rien à appliquer.</translation>
    </message>
    <message>
        <source>%1 is dirty but no log could be applied; nothing written.</source>
        <translation>%1 est incohérent, mais aucun journal n’a pu être appliqué&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>The logs were not applied (%1): %2</source>
        <translation>Les journaux n’ont pas été appliqués (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The file was partly written; its logs still rebuild the recovered state, and %1 holds the original.</source>
        <translation>Le fichier a été écrit en partie&#xa0;; ses journaux reconstituent toujours l’état récupéré, et %1 contient l’original.</translation>
    </message>
    <message>
        <source>Applied the logs to %1 (%2 bytes written); the original is in %3.</source>
        <translation>Journaux appliqués à %1 (%2 octets écrits)&#xa0;; l’original se trouve dans %3.</translation>
    </message>
    <message>
        <source>HiveKit</source>
        <translation>HiveKit</translation>
    </message>
    <message>
        <source>The logs were not applied; %1 is unchanged.</source>
        <translation>Les journaux n’ont pas été appliqués&#xa0;; %1 est inchangé.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiskChangeBanner</name>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Read the file again (F5); pending changes stay pending</source>
        <translation>Relire le fichier (F5)&#xa0;; les modifications en attente restent en attente</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Hide this note and keep showing the file as it was read</source>
        <translation>Masquer cette remarque et continuer d’afficher le fichier tel qu’il a été lu</translation>
    </message>
    <message>
        <source>The file changed on disk since it was opened.</source>
        <translation>Le fichier a été modifié sur le disque depuis son ouverture.</translation>
    </message>
    <message>
        <source>Another program wrote it; what you see is the file as it was read. Reload to see it as it is now.</source>
        <translation>Un autre programme l’a écrit&#xa0;; vous voyez le fichier tel qu’il a été lu. Rechargez-le pour le voir tel qu’il est maintenant.</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded. %n pending change(s) no longer apply to the file as it is now and were dropped; the others are still pending.</source>
        <translation>
            <numerusform>Rechargé. %n modification en attente ne s’applique plus au fichier tel qu’il est maintenant et a été abandonnée&#xa0;; les autres sont toujours en attente.</numerusform>
            <numerusform>Rechargé. %n modifications en attente ne s’appliquent plus au fichier tel qu’il est maintenant et ont été abandonnées&#xa0;; les autres sont toujours en attente.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiskChangeWatcher</name>
    <message>
        <source>The file was removed or renamed.</source>
        <translation>Le fichier a été supprimé ou renommé.</translation>
    </message>
    <message>
        <source>The file appeared again (modified %1).</source>
        <translation>Le fichier est réapparu (modifié le %1).</translation>
    </message>
    <message>
        <source>Its size went from %1 to %2 bytes; modified %3.</source>
        <translation>Sa taille est passée de %1 à %2 octets&#xa0;; modifié le %3.</translation>
    </message>
    <message>
        <source>Modified %1 (same size, %2 bytes).</source>
        <translation>Modifié le %1 (même taille, %2 octets).</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EditActions</name>
    <message>
        <source>Open for &amp;Editing</source>
        <translation>Ouvrir en &amp;écriture</translation>
    </message>
    <message>
        <source>Edit this hive: changes stay pending until you commit them</source>
        <translation>Modifier cette ruche&#xa0;: les modifications restent en attente jusqu’à leur validation</translation>
    </message>
    <message>
        <source>&amp;Modify Value…</source>
        <translation>&amp;Modifier la valeur…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Ré&amp;tablir</translation>
    </message>
    <message>
        <source>Discard &amp;All Changes</source>
        <translation>&amp;Abandonner toutes les modifications</translation>
    </message>
    <message>
        <source>&amp;Commit Changes…</source>
        <translation>Valider les modi&amp;fications…</translation>
    </message>
    <message>
        <source>E&amp;xport Key as .reg…</source>
        <translation>E&amp;xporter la clé en .reg…</translation>
    </message>
    <message>
        <source>Export &amp;Hive as .reg…</source>
        <translation>Exporter la ruc&amp;he en .reg…</translation>
    </message>
    <message>
        <source>&amp;Import .reg…</source>
        <translation>&amp;Importer un .reg…</translation>
    </message>
    <message>
        <source>&amp;Preview Changes as .reg…</source>
        <translation>A&amp;perçu des modifications en .reg…</translation>
    </message>
    <message>
        <source>Undo &amp;History</source>
        <translation>&amp;Historique des modifications</translation>
    </message>
    <message>
        <source>Pending Changes</source>
        <translation>Modifications en attente</translation>
    </message>
    <message>
        <source>%1 has pending changes that are not written to the file.</source>
        <translation>%1 a des modifications en attente qui ne sont pas écrites dans le fichier.</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Valider…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Delete Key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>%1 has subkeys. Delete it with all its subkeys and values?</source>
        <translation>%1 a des sous-clés. La supprimer avec toutes ses sous-clés et valeurs&#xa0;?</translation>
    </message>
    <message>
        <source>HiveKit</source>
        <translation>HiveKit</translation>
    </message>
    <message>
        <source>Cannot edit: %1</source>
        <translation>Modification impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is open for editing; changes stay pending until committed.</source>
        <translation>%1 est ouvert en écriture&#xa0;; les modifications restent en attente jusqu’à leur validation.</translation>
    </message>
    <message>
        <source>The commit failed; nothing was lost, the changes are still pending.
%1</source>
        <translation>La validation a échoué&#xa0;; rien n’est perdu, les modifications sont toujours en attente.
%1</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>Abandonner les modifications</translation>
    </message>
    <message>
        <source>Discard every pending change?</source>
        <translation>Abandonner toutes les modifications en attente&#xa0;?</translation>
    </message>
    <message>
        <source>The value %1 cannot be read.</source>
        <translation>La valeur %1 ne peut pas être lue.</translation>
    </message>
    <message>
        <source>The root key cannot be renamed.</source>
        <translation>La clé racine ne peut pas être renommée.</translation>
    </message>
    <message>
        <source>The root key cannot be deleted.</source>
        <translation>La clé racine ne peut pas être supprimée.</translation>
    </message>
    <message>
        <source>Open the hive for editing first.</source>
        <translation>Ouvrez d’abord la ruche en écriture.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Importer %1</translation>
    </message>
    <message>
        <source>Export Hive</source>
        <translation>Exporter la ruche</translation>
    </message>
    <message>
        <source>Export Key</source>
        <translation>Exporter la clé</translation>
    </message>
    <message>
        <source>Import .reg</source>
        <translation>Importer un .reg</translation>
    </message>
    <message>
        <source>Registration files (*.reg);;All files (*)</source>
        <translation>Fichiers d’enregistrement (*.reg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Pending Changes as .reg</source>
        <translation>Modifications en attente en .reg</translation>
    </message>
    <message>
        <source>Set &amp;Class Name…</source>
        <translation>Définir le nom de &amp;classe…</translation>
    </message>
    <message>
        <source>Set or remove the class name of the selected key</source>
        <translation>Définir ou supprimer le nom de classe de la clé sélectionnée</translation>
    </message>
    <message>
        <source>Set Class Name</source>
        <translation>Définir le nom de classe</translation>
    </message>
    <message>
        <source>Class name of %1 (empty to remove it):</source>
        <translation>Nom de classe de %1 (vide pour le supprimer)&#xa0;:</translation>
    </message>
    <message>
        <source>the root key</source>
        <translation>la clé racine</translation>
    </message>
    <message>
        <source>No key is selected.</source>
        <translation>Aucune clé n’est sélectionnée.</translation>
    </message>
    <message>
        <source>Edit a Damaged Hive</source>
        <translation>Modifier une ruche endommagée</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln structural error(s); editing may make it worse.</source>
        <translation>
            <numerusform>%1 a %Ln erreur de structure&#xa0;; toute modification risque d’aggraver les dégâts.</numerusform>
            <numerusform>%1 a %Ln erreurs de structure&#xa0;; toute modification risque d’aggraver les dégâts.</numerusform>
        </translation>
    </message>
    <message>
        <source>The Problems panel lists them. Keep a backup copy of the file, made before the first commit, to be able to go back.</source>
        <translation>Le panneau «&#xa0;Problèmes&#xa0;» les énumère. Conservez une copie de sauvegarde du fichier, faite avant la première validation, pour pouvoir revenir en arrière.</translation>
    </message>
    <message>
        <source>Edit with a Backup</source>
        <translation>Modifier avec une sauvegarde</translation>
    </message>
    <message>
        <source>Edit without Backup</source>
        <translation>Modifier sans sauvegarde</translation>
    </message>
    <message>
        <source>The hive is not open yet.</source>
        <translation>La ruche n’est pas encore ouverte.</translation>
    </message>
    <message>
        <source>%1 was not opened for editing: the structural check it waits for was stopped.</source>
        <translation>%1 n’a pas été ouvert en écriture&#xa0;: la vérification de structure qu’il attend a été arrêtée.</translation>
    </message>
    <message>
        <source>Checking %1 before opening it for editing…</source>
        <translation>Vérification de %1 avant son ouverture en écriture…</translation>
    </message>
    <message>
        <source>%1 was not opened for editing.</source>
        <translation>%1 n’a pas été ouvert en écriture.</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>Une exportation est encore en cours.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s), %1 written</source>
        <translation>
            <numerusform>%Ln clé, %1 écrits</numerusform>
            <numerusform>%Ln clés, %1 écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Key</source>
        <translation>Nouvelle &amp;clé</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renommer</translation>
    </message>
    <message>
        <source>The value %1 is deleted by a pending change: undo the deletion to change it.</source>
        <translation>La valeur %1 est supprimée par une modification en attente&#xa0;: annulez la suppression pour la modifier.</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>The key %1 is deleted by a pending change: undo the deletion to change it or its values.</source>
        <translation>La clé %1 est supprimée par une modification en attente&#xa0;: annulez la suppression pour la modifier, elle ou ses valeurs.</translation>
    </message>
    <message>
        <source>New Value #%1</source>
        <translation>Nouvelle valeur #%1</translation>
    </message>
    <message>
        <source>New Key #%1</source>
        <translation>Nouvelle clé #%1</translation>
    </message>
    <message>
        <source>Cannot rename the value &quot;%1&quot; in %2: a value name cannot be empty.</source>
        <translation>Impossible de renommer la valeur «&#xa0;%1&#xa0;» dans %2&#xa0;: un nom de valeur ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Cannot rename the key &quot;%1&quot; in %2: a key name cannot be empty.</source>
        <translation>Impossible de renommer la clé «&#xa0;%1&#xa0;» dans %2&#xa0;: un nom de clé ne peut pas être vide.</translation>
    </message>
    <message>
        <source>Cannot rename the key &quot;%1&quot; in %2: a key name cannot contain a backslash (\).</source>
        <translation>Impossible de renommer la clé «&#xa0;%1&#xa0;» dans %2&#xa0;: un nom de clé ne peut pas contenir de barre oblique inverse (\).</translation>
    </message>
    <message>
        <source>Cannot rename &quot;%1&quot; in %2: the new name is too long.</source>
        <translation>Impossible de renommer «&#xa0;%1&#xa0;» dans %2&#xa0;: le nouveau nom est trop long.</translation>
    </message>
    <message>
        <source>Cannot rename the value &quot;%1&quot; in %2: a value named &quot;%3&quot; already exists.</source>
        <translation>Impossible de renommer la valeur «&#xa0;%1&#xa0;» dans %2&#xa0;: une valeur nommée «&#xa0;%3&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Cannot rename the key &quot;%1&quot; in %2: a key named &quot;%3&quot; already exists.</source>
        <translation>Impossible de renommer la clé «&#xa0;%1&#xa0;» dans %2&#xa0;: une clé nommée «&#xa0;%3&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Not committed: %1 changed on disk.</source>
        <translation>Non validé&#xa0;: %1 a été modifié sur le disque.</translation>
    </message>
    <message>
        <source>The default value has no name to change.</source>
        <translation>La valeur par défaut n’a pas de nom à modifier.</translation>
    </message>
    <message>
        <source>The key %1 is already deleted by a pending change.</source>
        <translation>La clé %1 est déjà supprimée par une modification en attente.</translation>
    </message>
    <message>
        <source>The selected values are already deleted by pending changes.</source>
        <translation>Les valeurs sélectionnées sont déjà supprimées par des modifications en attente.</translation>
    </message>
    <message>
        <source>New &amp;Value</source>
        <translation>Nouvelle &amp;valeur</translation>
    </message>
    <message>
        <source>&amp;String Value</source>
        <translation>Valeur &amp;chaîne</translation>
    </message>
    <message>
        <source>&amp;Binary Value</source>
        <translation>Valeur &amp;binaire</translation>
    </message>
    <message>
        <source>&amp;DWORD (32-bit) Value</source>
        <translation>Valeur &amp;DWORD (32 bits)</translation>
    </message>
    <message>
        <source>&amp;QWORD (64-bit) Value</source>
        <translation>Valeur &amp;QWORD (64 bits)</translation>
    </message>
    <message>
        <source>&amp;Multi-String Value</source>
        <translation>Valeur de chaînes &amp;multiples</translation>
    </message>
    <message>
        <source>&amp;Expandable String Value</source>
        <translation>Valeur de chaîne e&amp;xtensible</translation>
    </message>
    <message>
        <source>%1 is a deleted key recovered from the file: it and its values are read-only.</source>
        <translation>%1 est une clé supprimée récupérée dans le fichier : elle et ses valeurs sont en lecture seule.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EditSession</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not writable: it stays read-only.</source>
        <translation>%1 n’est pas accessible en écriture&#xa0;: le fichier reste en lecture seule.</translation>
    </message>
    <message>
        <source>%1 is dirty (its last changes are only in its transaction logs): recover it first.</source>
        <translation>%1 est incohérent (ses dernières modifications ne figurent que dans ses journaux de transactions)&#xa0;: récupérez-le d’abord.</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Nouvelle clé</translation>
    </message>
    <message>
        <source>Delete key and subkeys</source>
        <translation>Supprimer la clé et ses sous-clés</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>Rename key</source>
        <translation>Renommer la clé</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Set value</source>
        <translation>Définir la valeur</translation>
    </message>
    <message>
        <source>Delete value</source>
        <translation>Supprimer la valeur</translation>
    </message>
    <message>
        <source>Rename value</source>
        <translation>Renommer la valeur</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Rien à importer.</translation>
    </message>
    <message>
        <source>; nothing written</source>
        <translation>; rien n’a été écrit</translation>
    </message>
    <message>
        <source>Cannot make the backup %1: %2; nothing written</source>
        <translation>Impossible de créer la copie de sauvegarde %1&#xa0;: %2&#xa0;; rien n’a été écrit</translation>
    </message>
    <message>
        <source>%1 edit(s) committed (%2): %3 bytes written to the hive, %4 to its log.</source>
        <translation>%1 modification(s) validée(s) (%2)&#xa0;: %3&#xa0;octets écrits dans la ruche, %4 dans son journal.</translation>
    </message>
    <message>
        <source>The original is in %1.</source>
        <translation>L’original se trouve dans %1.</translation>
    </message>
    <message>
        <source>The directory of %1 is not writable: its transaction log and a backup cannot be written there, so a commit will fail.</source>
        <translation>Le dossier de %1 n’est pas accessible en écriture&#xa0;: ni le journal de transactions ni une sauvegarde ne peuvent y être écrits, la validation échouera donc.</translation>
    </message>
    <message>
        <source>Set class name</source>
        <translation>Définir le nom de classe</translation>
    </message>
    <message>
        <source>The hive is marked dirty by the interrupted commit and its log could not be replayed; recover it (hivectl recover) before committing again.</source>
        <translation>La ruche est marquée incohérente par la validation interrompue et son journal n’a pas pu être rejoué&#xa0;; récupérez-la (hivectl recover) avant de valider à nouveau.</translation>
    </message>
    <message numerus="yes">
        <source>The hive already holds the %n change(s) of the interrupted commit (its log replays them), and some of them were undone since. Redo them, or discard the pending changes.</source>
        <translation>
            <numerusform>La ruche contient déjà la %n modification de la validation interrompue (son journal la rejoue), et elle a été annulée depuis. Rétablissez-la, ou abandonnez les modifications en attente.</numerusform>
            <numerusform>La ruche contient déjà les %n modifications de la validation interrompue (son journal les rejoue), et certaines ont été annulées depuis. Rétablissez-les, ou abandonnez les modifications en attente.</numerusform>
        </translation>
    </message>
    <message>
        <source>The hive file was partly written; its transaction log holds the changes (opening the hive again replays them). Committing again finishes the interrupted commit.</source>
        <translation>Le fichier de la ruche a été écrit en partie&#xa0;; son journal de transactions contient les modifications (rouvrir la ruche les rejoue). Valider à nouveau termine la validation interrompue.</translation>
    </message>
    <message>
        <source>Remove class name</source>
        <translation>Supprimer le nom de classe</translation>
    </message>
    <message>
        <source>the root key</source>
        <translation>la clé racine</translation>
    </message>
    <message>
        <source>Cannot create the key %1 in %2: that key does not exist.</source>
        <translation>Impossible de créer la clé %1 dans %2&#xa0;: la clé parente n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot create the key %1 in %2: %3.</source>
        <translation>Impossible de créer la clé %1 dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: it does not exist.</source>
        <translation>Impossible de supprimer la clé %1&#xa0;: elle n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: it is marked as a key that must not be deleted.</source>
        <translation>Impossible de supprimer la clé %1&#xa0;: elle est marquée comme clé à ne pas supprimer.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: it has subkeys, which would have to be deleted with it.</source>
        <translation>Impossible de supprimer la clé %1&#xa0;: elle a des sous-clés, qu’il faudrait supprimer avec elle.</translation>
    </message>
    <message>
        <source>Cannot delete the key %1: %2.</source>
        <translation>Impossible de supprimer la clé %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Cannot set the value %1 in %2: the key does not exist.</source>
        <translation>Impossible de définir la valeur %1 dans %2&#xa0;: la clé n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot set the value %1 in %2: its data is too large for this hive&apos;s format version.</source>
        <translation>Impossible de définir la valeur %1 dans %2&#xa0;: ses données sont trop grandes pour la version de format de cette ruche.</translation>
    </message>
    <message>
        <source>Cannot set the value %1 in %2: %3.</source>
        <translation>Impossible de définir la valeur %1 dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Cannot delete the value %1 in %2: there is no value of that name.</source>
        <translation>Impossible de supprimer la valeur %1 dans %2&#xa0;: il n’existe aucune valeur de ce nom.</translation>
    </message>
    <message>
        <source>Cannot delete the value %1 in %2: the key does not exist.</source>
        <translation>Impossible de supprimer la valeur %1 dans %2&#xa0;: la clé n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot delete the value %1 in %2: %3.</source>
        <translation>Impossible de supprimer la valeur %1 dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Cannot rename the key %1 in %2: a key named &quot;%3&quot; already exists.</source>
        <translation>Impossible de renommer la clé %1 dans %2&#xa0;: une clé nommée «&#xa0;%3&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <source>Cannot rename the key %1: it does not exist.</source>
        <translation>Impossible de renommer la clé %1&#xa0;: elle n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot rename the key %1 in %2: %3.</source>
        <translation>Impossible de renommer la clé %1 dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: a value named %3 already exists.</source>
        <translation>Impossible de renommer la valeur %1 dans %2&#xa0;: une valeur nommée %3 existe déjà.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: there is no value of that name.</source>
        <translation>Impossible de renommer la valeur %1 dans %2&#xa0;: il n’existe aucune valeur de ce nom.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: the key does not exist.</source>
        <translation>Impossible de renommer la valeur %1 dans %2&#xa0;: la clé n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot rename the value %1 in %2: %3.</source>
        <translation>Impossible de renommer la valeur %1 dans %2&#xa0;: %3.</translation>
    </message>
    <message>
        <source>Cannot set the class name of %1: the key does not exist.</source>
        <translation>Impossible de définir le nom de classe de %1&#xa0;: la clé n’existe pas.</translation>
    </message>
    <message>
        <source>Cannot set the class name of %1: %2.</source>
        <translation>Impossible de définir le nom de classe de %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EntryChangesModel</name>
    <message>
        <source>key added</source>
        <translation>clé ajoutée</translation>
    </message>
    <message>
        <source>key removed</source>
        <translation>clé supprimée</translation>
    </message>
    <message>
        <source>key changed</source>
        <translation>clé modifiée</translation>
    </message>
    <message>
        <source>value added</source>
        <translation>valeur ajoutée</translation>
    </message>
    <message>
        <source>value removed</source>
        <translation>valeur supprimée</translation>
    </message>
    <message>
        <source>value changed</source>
        <translation>valeur modifiée</translation>
    </message>
    <message>
        <source>last write %1</source>
        <translation>dernière écriture %1</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>classe %1</translation>
    </message>
    <message>
        <source>no class name</source>
        <translation>pas de nom de classe</translation>
    </message>
    <message>
        <source>security descriptor of %1 bytes</source>
        <translation>descripteur de sécurité de %1 octets</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(racine)</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Before the entry</source>
        <translation>Avant l’entrée</translation>
    </message>
    <message>
        <source>After the entry</source>
        <translation>Après l’entrée</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ExportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>What stands for the hive&apos;s root key in the file&apos;s key lines: where Windows loads this hive. The first choice is the one its kind suggests.</source>
        <translation>Ce qui représente la clé racine de la ruche dans les lignes de clé du fichier&#xa0;: l’endroit où Windows charge cette ruche. Le premier choix est celui que suggère son type.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Root written:</source>
        <translation>&amp;Racine écrite&#xa0;:</translation>
    </message>
    <message>
        <source>First key line:</source>
        <translation>Première ligne de clé&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>Choisissez le fichier à écrire.</translation>
    </message>
    <message>
        <source>The root cannot be empty: key lines need a name for the hive&apos;s root key.</source>
        <translation>La racine ne peut pas être vide&#xa0;: les lignes de clé ont besoin d’un nom pour la clé racine de la ruche.</translation>
    </message>
    <message>
        <source>The root cannot hold &apos;]&apos; or a line break: a key line could not be read back.</source>
        <translation>La racine ne peut contenir ni «&#xa0;]&#xa0;» ni saut de ligne&#xa0;: une ligne de clé ne pourrait pas être relue.</translation>
    </message>
    <message>
        <source>The root cannot hold an empty name (two backslashes).</source>
        <translation>La racine ne peut pas contenir de nom vide (deux barres obliques inverses).</translation>
    </message>
    <message>
        <source>Registration files (*.reg)</source>
        <translation>Fichiers d’enregistrement (*.reg)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ExportJob</name>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>Impossible d’exporter vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>Exportation annulée&#xa0;; %1 n’a pas été écrit.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln key(s) to %1</source>
        <translation>
            <numerusform>%Ln clé exportée vers %1</numerusform>
            <numerusform>%Ln clés exportées vers %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln problem(s): see hivectl export for the list)</source>
        <translation>
            <numerusform>(%Ln problème&#xa0;: hivectl export en donne la liste)</numerusform>
            <numerusform>(%Ln problèmes&#xa0;: hivectl export en donne la liste)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::GoToKeyDialog</name>
    <message>
        <source>Go to Key</source>
        <translation>Aller à la clé</translation>
    </message>
    <message>
        <source>Key path (from the hive&apos;s root, or as regedit shows it: HKEY_LOCAL_MACHINE\SYSTEM\…, HKLM\…):</source>
        <translation>Chemin de la clé (depuis la racine de la ruche, ou comme regedit l’affiche&#xa0;: HKEY_LOCAL_MACHINE\SYSTEM\…, HKLM\…)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HexGridEditor</name>
    <message>
        <source>Not pasted: %1</source>
        <translation>Non collé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HexPane</name>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Go to offset (hex)</source>
        <translation>Aller au décalage (hex)</translation>
    </message>
    <message>
        <source>A file offset in hex, with or without 0x (Ctrl+G)</source>
        <translation>Un décalage dans le fichier en hexadécimal, avec ou sans 0x (Ctrl+G)</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>deleted %1 at %2</source>
        <translation>%1 supprimé à %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HexView</name>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Copy as &amp;Hex</source>
        <translation>Copier en &amp;hex</translation>
    </message>
    <message>
        <source>Copy the selected bytes as hex pairs (&quot;4E 4B 00&quot;)</source>
        <translation>Copier les octets sélectionnés en paires hexadécimales («&#xa0;4E 4B 00&#xa0;»)</translation>
    </message>
    <message>
        <source>Copy as &amp;Text (Latin-1)</source>
        <translation>Copier en &amp;texte (Latin-1)</translation>
    </message>
    <message>
        <source>One character per byte; control characters as dots</source>
        <translation>Un caractère par octet&#xa0;; caractères de contrôle remplacés par des points</translation>
    </message>
    <message>
        <source>Copy as Text (&amp;UTF-16LE)</source>
        <translation>Copier en texte (&amp;UTF-16LE)</translation>
    </message>
    <message>
        <source>One character per two bytes; control characters as dots</source>
        <translation>Un caractère pour deux octets&#xa0;; caractères de contrôle remplacés par des points</translation>
    </message>
    <message>
        <source>Copy as &amp;C Array</source>
        <translation>Copier en tableau &amp;C</translation>
    </message>
    <message>
        <source>Select &amp;All (Cell)</source>
        <translation>Tout &amp;sélectionner (cellule)</translation>
    </message>
    <message>
        <source>Select the cell under the cursor (the whole file outside cells)</source>
        <translation>Sélectionner la cellule sous le curseur (tout le fichier hors des cellules)</translation>
    </message>
    <message>
        <source>&amp;Go to Offset...</source>
        <translation>Aller au déca&amp;lage…</translation>
    </message>
    <message>
        <source>&amp;Interpret Here</source>
        <translation>&amp;Interpréter ici</translation>
    </message>
    <message>
        <source>Cursor %1</source>
        <translation>Curseur %1</translation>
    </message>
    <message>
        <source>Selection 0x%1-0x%2 · %3 bytes (0x%4)</source>
        <translation>Sélection 0x%1-0x%2 · %3&#xa0;octets (0x%4)</translation>
    </message>
    <message>
        <source>The selection is too large to copy (more than %1 MiB).</source>
        <translation>La sélection est trop grande pour être copiée (plus de %1&#xa0;Mio).</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HiveSearch</name>
    <message>
        <source>Type something to search for.</source>
        <translation>Saisissez le texte à rechercher.</translation>
    </message>
    <message>
        <source>Choose where to search: key names, value names or value data.</source>
        <translation>Choisissez où chercher&#xa0;: noms de clé, noms de valeur ou données de valeur.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: %1 (at character %2).</source>
        <translation>L’expression régulière n’est pas valide&#xa0;: %1 (au caractère %2).</translation>
    </message>
    <message>
        <source>Hex bytes are pairs of hex digits, like &quot;de ad be ef&quot; or &quot;0xde,0xad&quot;.</source>
        <translation>Les octets hexadécimaux sont des paires de chiffres hexadécimaux, comme «&#xa0;de ad be ef&#xa0;» ou «&#xa0;0xde,0xad&#xa0;».</translation>
    </message>
    <message>
        <source>Hex bytes are searched in value data: tick &quot;Value data&quot;.</source>
        <translation>Les octets hexadécimaux sont cherchés dans les données de valeur&#xa0;: cochez «&#xa0;Données de valeur&#xa0;».</translation>
    </message>
    <message>
        <source>bytes at data offset %1</source>
        <translation>octets au décalage %1 des données</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HiveView</name>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Structure</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>Décalage %1</translation>
    </message>
    <message>
        <source>The key at %1 is not reachable from the root.</source>
        <translation>La clé à %1 n’est pas accessible depuis la racine.</translation>
    </message>
    <message>
        <source>No key lists the value at %1.</source>
        <translation>Aucune clé ne référence la valeur à %1.</translation>
    </message>
    <message>
        <source>Still reading the hive: try again in a moment.</source>
        <translation>La ruche est encore en cours de lecture&#xa0;: réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Replaying the transaction logs…</source>
        <translation>Rejeu des journaux de transactions…</translation>
    </message>
    <message>
        <source>Reading the primary file…</source>
        <translation>Lecture du fichier principal…</translation>
    </message>
    <message>
        <source>Opened %1: %2, format %3, in %4 ms</source>
        <translation>%1 ouvert&#xa0;: %2, format %3, en %4&#xa0;ms</translation>
    </message>
    <message>
        <source>This file cannot be opened</source>
        <translation>Ce fichier ne peut pas être ouvert</translation>
    </message>
    <message>
        <source>The hive is not open yet.</source>
        <translation>La ruche n’est pas encore ouverte.</translation>
    </message>
    <message>
        <source>The key was found but cannot be shown in the tree.</source>
        <translation>La clé a été trouvée mais ne peut pas être affichée dans l’arborescence.</translation>
    </message>
    <message>
        <source>Cannot show the pending changes: %1</source>
        <translation>Impossible d’afficher les modifications en attente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Commit over a Changed File</source>
        <translation>Valider sur un fichier modifié</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened.</source>
        <translation>%1 a été modifié sur le disque depuis son ouverture.</translation>
    </message>
    <message>
        <source>The pending changes would be applied to the file as it is now, which this tab does not show. Cancel, then Reload (F5) to see the file with your changes over it.</source>
        <translation>Les modifications en attente seraient appliquées au fichier dans son état actuel, que cet onglet n’affiche pas. Annulez, puis rechargez (F5) pour voir le fichier avec vos modifications par-dessus.</translation>
    </message>
    <message>
        <source>Commit Anyway</source>
        <translation>Valider quand même</translation>
    </message>
    <message>
        <source>%1 changed on disk: %2</source>
        <translation>%1 a été modifié sur le disque&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reloaded %1.</source>
        <translation>%1 rechargé.</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %1; %n pending change(s) no longer apply and were dropped.</source>
        <translation>
            <numerusform>%1 rechargé&#xa0;; %n modification en attente ne s’applique plus et a été abandonnée.</numerusform>
            <numerusform>%1 rechargé&#xa0;; %n modifications en attente ne s’appliquent plus et ont été abandonnées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::InterpreterDock</name>
    <message>
        <source>Data Interpreter</source>
        <translation>Interpréteur de données</translation>
    </message>
    <message>
        <source>Follow: automatic</source>
        <translation>Suivre&#xa0;: automatique</translation>
    </message>
    <message>
        <source>Follow: hex cursor</source>
        <translation>Suivre&#xa0;: curseur hex</translation>
    </message>
    <message>
        <source>Follow: selected value</source>
        <translation>Suivre&#xa0;: valeur sélectionnée</translation>
    </message>
    <message>
        <source>Automatic: the hex cursor (or the selection&apos;s start) while the Hex tab is shown, otherwise the selected value&apos;s data from its first byte</source>
        <translation>Automatique&#xa0;: le curseur hex (ou le début de la sélection) tant que l’onglet Hex est affiché, sinon les données de la valeur sélectionnée à partir de leur premier octet</translation>
    </message>
    <message>
        <source>No hive</source>
        <translation>Aucune ruche</translation>
    </message>
    <message>
        <source>No bytes</source>
        <translation>Aucun octet</translation>
    </message>
    <message>
        <source>Selection start %1</source>
        <translation>Début de la sélection %1</translation>
    </message>
    <message>
        <source>File offset %1</source>
        <translation>Décalage %1 du fichier</translation>
    </message>
    <message>
        <source>No value selected</source>
        <translation>Aucune valeur sélectionnée</translation>
    </message>
    <message>
        <source>The value record cannot be read</source>
        <translation>L’enregistrement de valeur ne peut pas être lu</translation>
    </message>
    <message>
        <source>The value&apos;s data cannot be read</source>
        <translation>Les données de la valeur ne peuvent pas être lues</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Data of value “%1” (%2 bytes), from byte 0</source>
        <translation>Données de la valeur «&#xa0;%1&#xa0;» (%2&#xa0;octets), à partir de l’octet 0</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::InterpreterPanel</name>
    <message>
        <source>Little endian</source>
        <translation>Little endian</translation>
    </message>
    <message>
        <source>Big endian</source>
        <translation>Big endian</translation>
    </message>
    <message>
        <source>Byte order of the integers, floats and Unix times; the Windows structures (FILETIME, SYSTEMTIME, DOS date, GUID, SID) keep their own</source>
        <translation>Ordre des octets des entiers, des flottants et des heures Unix&#xa0;; les structures Windows (FILETIME, SYSTEMTIME, date DOS, GUID, SID) gardent le leur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>Copier la &amp;valeur</translation>
    </message>
    <message>
        <source>Copy &amp;Row</source>
        <translation>Copier la &amp;ligne</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::KeyTreeModel</name>
    <message>
        <source>&lt;cycle: key at %1 again&gt;</source>
        <translation>&lt;cycle&#xa0;: à nouveau la clé à %1&gt;</translation>
    </message>
    <message>
        <source>This key is listed below itself (a cycle in the subkey lists).</source>
        <translation>Cette clé figure sous elle-même (un cycle dans les listes de sous-clés).</translation>
    </message>
    <message>
        <source>&lt;unreadable key at %1&gt;</source>
        <translation>&lt;clé illisible à %1&gt;</translation>
    </message>
    <message>
        <source>(empty name)</source>
        <translation>(nom vide)</translation>
    </message>
    <message>
        <source>%1
key node at %2</source>
        <translation>%1
nœud de clé à %2</translation>
    </message>
    <message>
        <source>(root key)</source>
        <translation>(clé racine)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>%1
deleted by a pending change (undo to keep it)</source>
        <translation>%1
supprimée par une modification en attente (annuler pour la conserver)</translation>
    </message>
    <message>
        <source>Orphaned deleted keys</source>
        <translation>Clés supprimées orphelines</translation>
    </message>
    <message>
        <source>Deleted keys whose parent key is neither a live key nor a deleted key the scan found</source>
        <translation>Clés supprimées dont la clé parente n&apos;est ni une clé existante ni une clé supprimée trouvée par l&apos;analyse</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LayoutCanvas</name>
    <message>
        <source>&lt;b&gt;Base block&lt;/b&gt; (regf header)&lt;br&gt;%1 – %2 · 4096 bytes</source>
        <translation>&lt;b&gt;Bloc de base&lt;/b&gt; (en-tête regf)&lt;br&gt;%1 – %2 · 4096&#xa0;octets</translation>
    </message>
    <message>
        <source>at %1 · %2 bytes</source>
        <translation>à %1 · %2 octets</translation>
    </message>
    <message>
        <source>&lt;b&gt;hbin header&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;the bin holds %2 bytes</source>
        <translation>&lt;b&gt;En-tête de hbin&lt;/b&gt;&lt;br&gt;%1&lt;br&gt;le hbin contient %2 octets</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unreadable&lt;/b&gt; (damaged hbin or broken cell chain)&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Illisible&lt;/b&gt; (hbin endommagé ou chaîne de cellules rompue)&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>allocated</source>
        <translation>allouée</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3&lt;br&gt;cell %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3&lt;br&gt;cellule %4</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small&gt;One pixel shows %1: zoom in (Ctrl+wheel) to tell small cells apart.&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small&gt;Un pixel montre %1&#xa0;: zoomez (Ctrl+molette) pour distinguer les petites cellules.&lt;/small&gt;</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LayoutView</name>
    <message>
        <source>Zoom out: more bytes per row (Ctrl+wheel down)</source>
        <translation>Zoom arrière&#xa0;: plus d’octets par ligne (Ctrl+molette vers le bas)</translation>
    </message>
    <message>
        <source>Zoom in: fewer bytes per row (Ctrl+wheel up)</source>
        <translation>Zoom avant&#xa0;: moins d’octets par ligne (Ctrl+molette vers le haut)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Zoom so that the whole file fits the view</source>
        <translation>Zoomer pour que tout le fichier tienne dans la vue</translation>
    </message>
    <message>
        <source>Mapping the cells of %1…</source>
        <translation>Cartographie des cellules de %1…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Free space:&lt;/b&gt; %1 bytes in %2 cells (%3 % of the cell space) · &lt;b&gt;largest free cell:&lt;/b&gt; %4 bytes · %5 cells in %6 hbins</source>
        <translation>&lt;b&gt;Espace libre&#xa0;:&lt;/b&gt; %1 octets dans %2 cellules (%3&#xa0;% de l’espace des cellules) · &lt;b&gt;plus grande cellule libre&#xa0;:&lt;/b&gt; %4 octets · %5 cellules dans %6 hbins</translation>
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
        <translation>données</translation>
    </message>
    <message>
        <source>free</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>hbin header</source>
        <translation>en-tête de hbin</translation>
    </message>
    <message>
        <source>base block</source>
        <translation>bloc de base</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>%1 per row · one pixel ≈ %2</source>
        <translation>%1 par ligne · un pixel ≈ %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LogEntriesModel</name>
    <message>
        <source>applied, changes: %1</source>
        <translation>appliquée, modifications&#xa0;: %1</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>appliquée</translation>
    </message>
    <message>
        <source>not applied: %1</source>
        <translation>non appliquée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Décalage</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Keys written up to</source>
        <translation>Clés écrites jusqu’à</translation>
    </message>
    <message>
        <source>Log started</source>
        <translation>Début du journal</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Rejeu</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::LogHistoryView</name>
    <message>
        <source>Log history — %1</source>
        <translation>Historique du journal — %1</translation>
    </message>
    <message>
        <source>Log entries, in the order replay meets them:</source>
        <translation>Entrées du journal, dans l’ordre où le rejeu les rencontre&#xa0;:</translation>
    </message>
    <message>
        <source>What the selected entry changed (double-click to show the key in the tab):</source>
        <translation>Ce que l’entrée sélectionnée a modifié (double-cliquez pour afficher la clé dans l’onglet)&#xa0;:</translation>
    </message>
    <message>
        <source>Comparing the hive before and after each entry: %1 of %2…</source>
        <translation>Comparaison de la ruche avant et après chaque entrée&#xa0;: %1 sur %2…</translation>
    </message>
    <message>
        <source>Reading the transaction logs of %1…</source>
        <translation>Lecture des journaux de transactions de %1…</translation>
    </message>
    <message>
        <source>The log history could not be read: %1</source>
        <translation>L’historique du journal n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>No transaction logs were found beside the hive.</source>
        <translation>Aucun journal de transactions n’a été trouvé à côté de la ruche.</translation>
    </message>
    <message>
        <source>Log entries applied by replay: %1 of the %2 listed.</source>
        <translation>Entrées du journal appliquées par le rejeu&#xa0;: %1 sur les %2 listées.</translation>
    </message>
    <message>
        <source>Log entries carry no time of their own: &quot;Keys written up to&quot; is the latest last-write time of the keys an entry wrote, &quot;Log started&quot; the time in its log&apos;s header.</source>
        <translation>Les entrées du journal ne portent pas d’heure propre&#xa0;: «&#xa0;Clés écrites jusqu’à&#xa0;» est la plus récente heure de dernière écriture des clés qu’une entrée a écrites, «&#xa0;Début du journal&#xa0;» l’heure indiquée dans l’en-tête de son journal.</translation>
    </message>
    <message>
        <source>Stopped before every entry was compared.</source>
        <translation>Arrêté avant que toutes les entrées aient été comparées.</translation>
    </message>
    <message>
        <source>The tab does not hold this key (%1).</source>
        <translation>L’onglet ne contient pas cette clé (%1).</translation>
    </message>
    <message>
        <source>The key could not be shown.</source>
        <translation>La clé n’a pas pu être affichée.</translation>
    </message>
    <message>
        <source>Key shown; the tab does not hold this value.</source>
        <translation>Clé affichée&#xa0;; l’onglet ne contient pas cette valeur.</translation>
    </message>
    <message>
        <source>Shown in the tab.</source>
        <translation>Affiché dans l’onglet.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::MainWindow</name>
    <message>
        <source>That key is no longer in the tree.</source>
        <translation>Cette clé n’est plus dans l’arborescence.</translation>
    </message>
    <message>
        <source>Open Hive…</source>
        <translation>Ouvrir une ruche…</translation>
    </message>
    <message>
        <source>or drop hive files (SYSTEM, SOFTWARE, NTUSER.DAT, …) on this window</source>
        <translation>ou déposez des fichiers de ruche (SYSTEM, SOFTWARE, NTUSER.DAT, …) sur cette fenêtre</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <source>&amp;Open Hive…</source>
        <translation>&amp;Ouvrir une ruche…</translation>
    </message>
    <message>
        <source>Open a registry hive file, read-only</source>
        <translation>Ouvrir un fichier de ruche du Registre en lecture seule</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Copy Key &amp;Path</source>
        <translation>Copier le &amp;chemin de la clé</translation>
    </message>
    <message>
        <source>Copy the selected key&apos;s path from the root</source>
        <translation>Copier le chemin de la clé sélectionnée depuis la racine</translation>
    </message>
    <message>
        <source>key path</source>
        <translation>chemin de la clé</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>Copier la &amp;valeur</translation>
    </message>
    <message>
        <source>Copy the selected values as name, type and data</source>
        <translation>Copier les valeurs sélectionnées avec nom, type et données</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valeur</translation>
    </message>
    <message>
        <source>Copy &amp;Data</source>
        <translation>Copier les &amp;données</translation>
    </message>
    <message>
        <source>Copy the selected values&apos; data</source>
        <translation>Copier les données des valeurs sélectionnées</translation>
    </message>
    <message>
        <source>data</source>
        <translation>données</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>Search key names, value names and value data</source>
        <translation>Rechercher dans les noms de clé, les noms de valeur et les données de valeur</translation>
    </message>
    <message>
        <source>&amp;Go to Key…</source>
        <translation>&amp;Aller à la clé…</translation>
    </message>
    <message>
        <source>Select a key by its path</source>
        <translation>Sélectionner une clé par son chemin</translation>
    </message>
    <message>
        <source>Go to &amp;Offset…</source>
        <translation>Aller au déca&amp;lage…</translation>
    </message>
    <message>
        <source>Show a file offset in the hex view</source>
        <translation>Afficher un décalage du fichier dans la vue hexadécimale</translation>
    </message>
    <message>
        <source>&amp;Bookmark This Key</source>
        <translation>&amp;Ajouter cette clé aux signets</translation>
    </message>
    <message>
        <source>&amp;Remove Bookmark</source>
        <translation>&amp;Supprimer le signet</translation>
    </message>
    <message>
        <source>Show Primary File &amp;Without Logs</source>
        <translation>Afficher le fichier principal &amp;sans les journaux</translation>
    </message>
    <message>
        <source>Show a dirty hive as its primary file is, without replaying its logs</source>
        <translation>Afficher une ruche incohérente telle qu’est son fichier principal, sans rejouer ses journaux</translation>
    </message>
    <message>
        <source>&amp;About HiveKit</source>
        <translation>À &amp;propos de HiveKit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Signets</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Open Hive</source>
        <translation>Ouvrir une ruche</translation>
    </message>
    <message>
        <source>Registry hives (*);;Hive files (*.dat *.hve *.hiv *.DAT)</source>
        <translation>Ruches du Registre (*);;Fichiers de ruche (*.dat *.hve *.hiv *.DAT)</translation>
    </message>
    <message>
        <source>(root key)</source>
        <translation>(clé racine)</translation>
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
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <source>Bookmarked %1</source>
        <translation>%1 ajouté aux signets</translation>
    </message>
    <message>
        <source>Go to Key</source>
        <translation>Aller à la clé</translation>
    </message>
    <message>
        <source>Go to Offset</source>
        <translation>Aller au décalage</translation>
    </message>
    <message>
        <source>File offset (hex, like 0x1020):</source>
        <translation>Décalage dans le fichier (hexadécimal, comme 0x1020)&#xa0;:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an offset in this file (it has %2 bytes).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un décalage dans ce fichier (il compte %2&#xa0;octets).</translation>
    </message>
    <message>
        <source>Open a hive to search it.</source>
        <translation>Ouvrez une ruche pour y rechercher.</translation>
    </message>
    <message>
        <source>Copied the %1 to the clipboard</source>
        <translation>Copié dans le presse-papiers&#xa0;: %1</translation>
    </message>
    <message>
        <source>About HiveKit</source>
        <translation>À propos de HiveKit</translation>
    </message>
    <message>
        <source>&amp;Modify</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>Find &amp;Deleted Keys and Values</source>
        <translation>Rechercher les clés et valeurs &amp;supprimées</translation>
    </message>
    <message>
        <source>Scan the free cells for keys and values that were deleted</source>
        <translation>Parcourir les cellules libres à la recherche de clés et de valeurs supprimées</translation>
    </message>
    <message>
        <source>Open a hive to scan it.</source>
        <translation>Ouvrez une ruche pour la parcourir.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln clé</numerusform>
            <numerusform>%Ln clés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln valeur</numerusform>
            <numerusform>%Ln valeurs</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspect offline Windows registry hives. Files open read-only; nothing is written until you choose Edit and commit your changes.</source>
        <translation>Inspecter des ruches du registre Windows hors ligne. Les fichiers s’ouvrent en lecture seule&#xa0;; rien n’est écrit tant que vous ne choisissez pas Modifier et ne validez pas vos changements.</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Résultat s&amp;uivant</translation>
    </message>
    <message>
        <source>Show the next search hit</source>
        <translation>Afficher le résultat de recherche suivant</translation>
    </message>
    <message>
        <source>Find Prev&amp;ious</source>
        <translation>Résultat &amp;précédent</translation>
    </message>
    <message>
        <source>Show the previous search hit</source>
        <translation>Afficher le résultat de recherche précédent</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HiveKit %1&lt;/h3&gt;&lt;p&gt;An inspector and editor for offline Windows registry hives (regf).&lt;/p&gt;&lt;p&gt;Files open read-only and dirty hives are recovered from their transaction logs in memory. A file is written only when you choose Edit and commit changes, through a crash-safe transaction.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HiveKit %1&lt;/h3&gt;&lt;p&gt;Un outil d’inspection et de modification des ruches du registre Windows hors ligne (regf).&lt;/p&gt;&lt;p&gt;Les fichiers s’ouvrent en lecture seule et les ruches non propres sont restaurées en mémoire à partir de leurs journaux de transactions. Un fichier n’est écrit que si vous choisissez Modifier et validez des changements, par une transaction résistante aux pannes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing is written to this file. Choose Edit to make changes.</source>
        <translation>Rien n’est écrit dans ce fichier. Choisissez Modifier pour faire des changements.</translation>
    </message>
    <message numerus="yes">
        <source>Editing: %n pending change(s)</source>
        <translation>
            <numerusform>Modification&#xa0;: %n changement en attente</numerusform>
            <numerusform>Modification&#xa0;: %n changements en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is unchanged until you commit; Discard drops the pending changes.</source>
        <translation>Le fichier reste inchangé jusqu’à la validation&#xa0;; Abandonner supprime les changements en attente.</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Open for editing: changes stay pending until you commit them.</source>
        <translation>Ouvert en modification&#xa0;: les changements restent en attente jusqu’à leur validation.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Recharger</translation>
    </message>
    <message>
        <source>Read the file again as it is now on disk; pending changes stay pending</source>
        <translation>Relire le fichier tel qu’il est maintenant sur le disque&#xa0;; les modifications en attente restent en attente</translation>
    </message>
    <message>
        <source>Show &amp;Deleted Keys</source>
        <translation>Afficher les clés &amp;supprimées</translation>
    </message>
    <message>
        <source>Show the deleted keys a scan of the file recovers in the key tree, read-only, with their values</source>
        <translation>Afficher dans l&apos;arborescence les clés supprimées qu&apos;une analyse du fichier récupère, en lecture seule, avec leurs valeurs</translation>
    </message>
    <message>
        <source>Cannot show the deleted keys: %1</source>
        <translation>Impossible d&apos;afficher les clés supprimées : %1</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::PendingChangesDock</name>
    <message>
        <source>Pending changes</source>
        <translation>Modifications en attente</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Discard All</source>
        <translation>Tout abandonner</translation>
    </message>
    <message>
        <source>Preview as .reg…</source>
        <translation>Aperçu en .reg…</translation>
    </message>
    <message>
        <source>Commit…</source>
        <translation>Valider…</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Ancien → nouveau</translation>
    </message>
    <message>
        <source>&lt;opened for editing&gt;</source>
        <translation>&lt;ouverte pour modification&gt;</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>The current hive is not open for editing.</source>
        <translation>La ruche actuelle n’est pas ouverte pour modification.</translation>
    </message>
    <message>
        <source>No pending changes.</source>
        <translation>Aucune modification en attente.</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s), applied in this order at commit.</source>
        <translation>
            <numerusform>%n modification en attente, appliquée dans cet ordre à la validation.</numerusform>
            <numerusform>%n modifications en attente, appliquées dans cet ordre à la validation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::RecoveryBanner</name>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive is dirty&lt;/b&gt; (its last writes did not all reach the file). Showing the primary file as it is, &lt;b&gt;without&lt;/b&gt; its transaction logs.</source>
        <translation>&lt;b&gt;Cette ruche est incohérente&lt;/b&gt; (ses dernières écritures n’ont pas toutes atteint le fichier). Le fichier principal est affiché tel quel, &lt;b&gt;sans&lt;/b&gt; ses journaux de transactions.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive was dirty.&lt;/b&gt; Its transaction logs were replayed in memory: you see the hive&apos;s true state. The file itself is untouched.</source>
        <translation>&lt;b&gt;Cette ruche était incohérente.&lt;/b&gt; Ses journaux de transactions ont été rejoués en mémoire&#xa0;: vous voyez l’état réel de la ruche. Le fichier lui-même n’est pas modifié.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This hive is dirty&lt;/b&gt;, but no usable transaction logs were found beside it: you see the primary file as it is, which may lack its last changes.</source>
        <translation>&lt;b&gt;Cette ruche est incohérente&lt;/b&gt;, mais aucun journal de transactions utilisable n’a été trouvé à côté&#xa0;: vous voyez le fichier principal tel quel, auquel peuvent manquer ses dernières modifications.</translation>
    </message>
    <message>
        <source>No log files were looked at.</source>
        <translation>Aucun fichier journal n’a été consulté.</translation>
    </message>
    <message>
        <source>Show primary file without logs</source>
        <translation>Afficher le fichier principal sans les journaux</translation>
    </message>
    <message>
        <source>Replay logs</source>
        <translation>Rejouer les journaux</translation>
    </message>
    <message>
        <source>Reopen the file as it is on disk, without replaying its logs</source>
        <translation>Rouvrir le fichier tel qu’il est sur le disque, sans rejouer ses journaux</translation>
    </message>
    <message>
        <source>Reopen the file with its transaction logs replayed in memory</source>
        <translation>Rouvrir le fichier en rejouant ses journaux de transactions en mémoire</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <source>The entries of the transaction logs and what each one changed</source>
        <translation>Les entrées des journaux de transactions et ce que chacune a modifié</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SearchDock</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Key names</source>
        <translation>Noms de clé</translation>
    </message>
    <message>
        <source>Value names</source>
        <translation>Noms de valeur</translation>
    </message>
    <message>
        <source>Value data</source>
        <translation>Données de valeur</translation>
    </message>
    <message>
        <source>Find in key names, value names and value data</source>
        <translation>Rechercher dans les noms de clé, les noms de valeur et les données de valeur</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>Mot entier</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expression régulière</translation>
    </message>
    <message>
        <source>Hex bytes (data)</source>
        <translation>Octets hexadécimaux (données)</translation>
    </message>
    <message>
        <source>How the text matches: anywhere, as a whole word, as a regular expression, or as hex bytes in the raw value data</source>
        <translation>Comment le texte correspond&#xa0;: n’importe où, comme mot entier, comme expression régulière ou comme octets hexadécimaux dans les données brutes de la valeur</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Chercher dans&#xa0;:</translation>
    </message>
    <message>
        <source>Open a hive to search it.</source>
        <translation>Ouvrez une ruche pour y rechercher.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <source>Stopped: </source>
        <translation>Arrêtée&#xa0;: </translation>
    </message>
    <message>
        <source> (stopped at the limit of hits)</source>
        <translation> (arrêtée à la limite de résultats)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Stop the search</source>
        <translation>Arrêter la recherche</translation>
    </message>
    <message>
        <source>Search the hive (Enter)</source>
        <translation>Rechercher dans la ruche (Entrée)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln résultat</numerusform>
            <numerusform>%Ln résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln clé</numerusform>
            <numerusform>%Ln clés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln valeur</numerusform>
            <numerusform>%Ln valeurs</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 ms</source>
        <translation>en %1 ms</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Afficher plus</translation>
    </message>
    <message>
        <source>The search stopped at its limit of hits: continue it for as many again</source>
        <translation>La recherche s’est arrêtée à sa limite de résultats&#xa0;: la poursuivre pour autant encore</translation>
    </message>
    <message>
        <source>No hit after this one.</source>
        <translation>Aucun résultat après celui-ci.</translation>
    </message>
    <message>
        <source>No hit before this one.</source>
        <translation>Aucun résultat avant celui-ci.</translation>
    </message>
    <message>
        <source>Hex bytes are searched in the value data only</source>
        <translation>Les octets hexadécimaux ne sont cherchés que dans les données des valeurs</translation>
    </message>
    <message>
        <source>Export Results…</source>
        <translation>Exporter les résultats…</translation>
    </message>
    <message>
        <source>Save the hits as a CSV file (UTF-8)</source>
        <translation>Enregistrer les résultats dans un fichier CSV (UTF-8)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy Key &amp;Path</source>
        <translation>Copier le &amp;chemin de la clé</translation>
    </message>
    <message>
        <source>Copy &amp;Value Name</source>
        <translation>Copier le nom de la &amp;valeur</translation>
    </message>
    <message>
        <source>Copy &amp;Match</source>
        <translation>Copier la c&amp;orrespondance</translation>
    </message>
    <message>
        <source>&amp;Export Results…</source>
        <translation>&amp;Exporter les résultats…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export Search Results</source>
        <translation>Exporter les résultats de recherche</translation>
    </message>
    <message>
        <source>search-results.csv</source>
        <translation>resultats-recherche.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SearchResultsModel</name>
    <message>
        <source>(root key)</source>
        <translation>(clé racine)</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Nom de clé</translation>
    </message>
    <message>
        <source>Value name</source>
        <translation>Nom de valeur</translation>
    </message>
    <message>
        <source>Value data</source>
        <translation>Données de valeur</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>Trouvé dans</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SubtreeExpander</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop expanding (Esc)</source>
        <translation>Arrêter le dépliage (Esc)</translation>
    </message>
    <message>
        <source>Expanding %1…</source>
        <translation>Dépliage de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Expanding: %Ln key(s) open…</source>
        <translation>
            <numerusform>Dépliage&#xa0;: %Ln clé ouverte…</numerusform>
            <numerusform>Dépliage&#xa0;: %Ln clés ouvertes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineDock</name>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Filter key tree to this range</source>
        <translation>Filtrer l’arborescence des clés sur cette plage</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Derniers</translation>
    </message>
    <message>
        <source>Show the chosen number of days before the &quot;to&quot; time</source>
        <translation>Afficher le nombre de jours choisi avant l’heure «&#xa0;à&#xa0;»</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Show every event</source>
        <translation>Afficher tous les événements</translation>
    </message>
    <message>
        <source>Filter events…</source>
        <translation>Filtrer les événements…</translation>
    </message>
    <message>
        <source>Hide the keys of the tab&apos;s tree that were not written in the range (their ancestors stay)</source>
        <translation>Masquer les clés de l’arborescence de l’onglet qui n’ont pas été écrites dans la plage (leurs ancêtres restent)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>before &quot;to&quot;</source>
        <translation>avant «&#xa0;à&#xa0;»</translation>
    </message>
    <message>
        <source>Collecting the timeline…</source>
        <translation>Collecte de la chronologie…</translation>
    </message>
    <message>
        <source>The timeline could not be collected: %1</source>
        <translation>La chronologie n’a pas pu être collectée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Open a hive to see its timeline.</source>
        <translation>Ouvrez une ruche pour voir sa chronologie.</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 événements sur %2</translation>
    </message>
    <message>
        <source>; the key tree shows the keys written in the range</source>
        <translation>&#xa0;; l’arborescence des clés montre les clés écrites dans la plage</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineHistogram</name>
    <message>
        <source>Events over time: drag to choose a range</source>
        <translation>Événements dans le temps&#xa0;: faites glisser pour choisir une plage</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineModel</name>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Key last written</source>
        <translation>Dernière écriture de la clé</translation>
    </message>
    <message>
        <source>Deleted key last written</source>
        <translation>Dernière écriture de la clé supprimée</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clé</translation>
    </message>
    <message>
        <source>deleted key</source>
        <translation>clé supprimée</translation>
    </message>
    <message>
        <source>Key \%1 last written</source>
        <translation>Clé \%1 écrite pour la dernière fois</translation>
    </message>
    <message numerus="yes">
        <source>Deleted key \%1 last written (%n value(s) recovered)</source>
        <translation>
            <numerusform>Clé supprimée \%1 écrite pour la dernière fois (%n valeur récupérée)</numerusform>
            <numerusform>Clé supprimée \%1 écrite pour la dernière fois (%n valeurs récupérées)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ValueCodec</name>
    <message>
        <source>Enter a number (decimal, or hex with 0x).</source>
        <translation>Saisissez un nombre (décimal, ou hexadécimal avec 0x).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number (decimal, or hex with 0x).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nombre (décimal, ou hexadécimal avec 0x).</translation>
    </message>
    <message>
        <source>A string cannot hold a NUL character (use the raw editor).</source>
        <translation>Une chaîne ne peut pas contenir de caractère NUL (utilisez l’éditeur brut).</translation>
    </message>
    <message>
        <source>A DWORD</source>
        <translation>Un DWORD</translation>
    </message>
    <message>
        <source>A QWORD</source>
        <translation>Un QWORD</translation>
    </message>
    <message>
        <source>A type number</source>
        <translation>Un numéro de type</translation>
    </message>
    <message>
        <source>%1 (variables left as text: %2; an offline hive has no environment to expand them)</source>
        <translation>%1 (variables laissées telles quelles&#xa0;: %2&#xa0;; une ruche hors ligne n’a pas d’environnement pour les développer)</translation>
    </message>
    <message>
        <source>line %1, position %2</source>
        <translation>ligne %1, position %2</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>position %1</translation>
    </message>
    <message>
        <source>%1 out of range: %2 is not between %3 and %4.</source>
        <translation>%1 hors limites&#xa0;: %2 n’est pas entre %3 et %4.</translation>
    </message>
    <message>
        <source>A number</source>
        <translation>Un nombre</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at %2 is not a hex digit.</source>
        <translation>«&#xa0;%1&#xa0;» à %2 n’est pas un chiffre hexadécimal.</translation>
    </message>
    <message>
        <source>Odd number of hex digits in &quot;%1&quot; at %2: each byte takes two (or one alone).</source>
        <translation>Nombre impair de chiffres hexadécimaux dans «&#xa0;%1&#xa0;» à %2&#xa0;: chaque octet en prend deux (ou un seul).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; at %2 has no hex digits after it.</source>
        <translation>«&#xa0;%1&#xa0;» à %2 n’est suivi d’aucun chiffre hexadécimal.</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ValueEditDialog</name>
    <message>
        <source>String (REG_SZ)</source>
        <translation>Chaîne (REG_SZ)</translation>
    </message>
    <message>
        <source>Expandable string (REG_EXPAND_SZ)</source>
        <translation>Chaîne extensible (REG_EXPAND_SZ)</translation>
    </message>
    <message>
        <source>Multi-string (REG_MULTI_SZ)</source>
        <translation>Chaîne multiple (REG_MULTI_SZ)</translation>
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
        <translation>Binaire (REG_BINARY)</translation>
    </message>
    <message>
        <source>None (REG_NONE)</source>
        <translation>Aucun (REG_NONE)</translation>
    </message>
    <message>
        <source>Type number:</source>
        <translation>Numéro de type&#xa0;:</translation>
    </message>
    <message>
        <source>Overwrite (Insert)</source>
        <translation>Écraser (Inser)</translation>
    </message>
    <message>
        <source>New Value</source>
        <translation>Nouvelle valeur</translation>
    </message>
    <message>
        <source>Edit Value</source>
        <translation>Modifier la valeur</translation>
    </message>
    <message>
        <source>Raw (any type number and bytes)</source>
        <translation>Brut (tout numéro de type et octets)</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>e.g. 3 or 0x20</source>
        <translation>p. ex. 3 ou 0x20</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type&#xa0;:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Texte&#xa0;:</translation>
    </message>
    <message>
        <source>One string a line:</source>
        <translation>Une chaîne par ligne&#xa0;:</translation>
    </message>
    <message>
        <source>Number (decimal, or hex with 0x):</source>
        <translation>Nombre (décimal, ou hexadécimal avec 0x)&#xa0;:</translation>
    </message>
    <message>
        <source>Bytes: type hex digits (or text in the right column); paste hex with Ctrl+V:</source>
        <translation>Octets&#xa0;: saisissez des chiffres hexadécimaux (ou du texte dans la colonne de droite)&#xa0;; collez de l’hexadécimal avec Ctrl+V&#xa0;:</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ValueTableModel</name>
    <message>
        <source>&lt;unreadable value at %1&gt;</source>
        <translation>&lt;valeur illisible à %1&gt;</translation>
    </message>
    <message>
        <source>&lt;unreadable data: %1&gt;</source>
        <translation>&lt;données illisibles&#xa0;: %1&gt;</translation>
    </message>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>value record at %1</source>
        <translation>enregistrement de valeur à %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>deleted by a pending change (undo to keep it)</source>
        <translation>supprimée par une modification en attente (annulez-la pour la conserver)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::ByteDiffView</name>
    <message>
        <source>Old data (A)</source>
        <translation>Anciennes données (A)</translation>
    </message>
    <message>
        <source>New data (B)</source>
        <translation>Nouvelles données (B)</translation>
    </message>
    <message>
        <source>(no such value on this side)</source>
        <translation>(aucune valeur de ce nom de ce côté)</translation>
    </message>
    <message>
        <source>(no data)</source>
        <translation>(aucune donnée)</translation>
    </message>
    <message>
        <source>… the first %1 bytes of %2</source>
        <translation>… les %1 premiers octets sur %2</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareModel</name>
    <message>
        <source>same</source>
        <translation>identique</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajoutée</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimée</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifiée</translation>
    </message>
    <message>
        <source>(root)</source>
        <translation>(racine)</translation>
    </message>
    <message>
        <source>differences below</source>
        <translation>différences en dessous</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareValueModel</name>
    <message>
        <source>(Default)</source>
        <translation>(par défaut)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Old type (A)</source>
        <translation>Ancien type (A)</translation>
    </message>
    <message>
        <source>Old data (A)</source>
        <translation>Anciennes données (A)</translation>
    </message>
    <message>
        <source>New type (B)</source>
        <translation>Nouveau type (B)</translation>
    </message>
    <message>
        <source>New data (B)</source>
        <translation>Nouvelles données (B)</translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareWindow</name>
    <message>
        <source>Only &amp;differences</source>
        <translation>Seulement les &amp;différences</translation>
    </message>
    <message>
        <source>Ignore last-write &amp;times</source>
        <translation>Ignorer les heures de dernière écri&amp;ture</translation>
    </message>
    <message>
        <source>Compare Hives</source>
        <translation>Comparer des ruches</translation>
    </message>
    <message>
        <source>A (old): %1
B (new): %2</source>
        <translation>A (ancienne)&#xa0;: %1
B (nouvelle)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Comparaison en cours…</translation>
    </message>
    <message>
        <source>The hives cannot be compared: %1</source>
        <translation>Les ruches ne peuvent pas être comparées&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln difference(s)</source>
        <translation>
            <numerusform>%Ln différence</numerusform>
            <numerusform>%Ln différences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s) added</source>
        <translation>
            <numerusform>%Ln clé ajoutée</numerusform>
            <numerusform>%Ln clés ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <translation>
            <numerusform>%Ln supprimée</numerusform>
            <numerusform>%Ln supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>%Ln modifiée</numerusform>
            <numerusform>%Ln modifiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s) added</source>
        <translation>
            <numerusform>%Ln valeur ajoutée</numerusform>
            <numerusform>%Ln valeurs ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln part(s) could not be read)</source>
        <translation>
            <numerusform>(%Ln partie n’a pas pu être lue)</numerusform>
            <numerusform>(%Ln parties n’ont pas pu être lues)</numerusform>
        </translation>
    </message>
    <message>
        <source>Co&amp;mpare With…</source>
        <translation>Co&amp;mparer avec…</translation>
    </message>
    <message>
        <source>Compare the current hive with another hive file</source>
        <translation>Comparer la ruche actuelle à un autre fichier de ruche</translation>
    </message>
    <message>
        <source>Compare: Choose Hive A (Old)</source>
        <translation>Comparer&#xa0;: choisir la ruche A (ancienne)</translation>
    </message>
    <message>
        <source>Compare %1 With Hive B (New)</source>
        <translation>Comparer %1 avec la ruche B (nouvelle)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspect offline Windows registry hives (read-only).</source>
        <translation>Examiner des ruches du Registre Windows hors ligne (lecture seule).</translation>
    </message>
    <message>
        <source>Hive files to open.</source>
        <translation>Fichiers de ruche à ouvrir.</translation>
    </message>
</context>
</TS>
