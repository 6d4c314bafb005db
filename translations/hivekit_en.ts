<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Display</name>
    <message numerus="yes">
        <source>... %Ln more byte(s)</source>
        <translation>
            <numerusform>... %Ln more byte</numerusform>
            <numerusform>... %Ln more bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ArtefactTableModel</name>
    <message numerus="yes">
        <source>(%Ln byte(s))</source>
        <translation>
            <numerusform>(%Ln byte)</numerusform>
            <numerusform>(%Ln bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ArtefactsDock</name>
    <message numerus="yes">
        <source>%1 — %Ln row(s)</source>
        <translation>
            <numerusform>%1 — %Ln row</numerusform>
            <numerusform>%1 — %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln artefact(s)</source>
        <translation>
            <numerusform>%Ln artefact</numerusform>
            <numerusform>%Ln artefacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln row(s) shown</source>
        <translation>
            <numerusform>%1 of %Ln row shown</numerusform>
            <numerusform>%1 of %Ln rows shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with a note</source>
        <translation>
            <numerusform>%Ln row with a note</numerusform>
            <numerusform>%Ln rows with a note</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::CellFieldModel</name>
    <message numerus="yes">
        <source>%Ln byte(s) at %1</source>
        <translation>
            <numerusform>%Ln byte at %1</numerusform>
            <numerusform>%Ln bytes at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::CommitDialog</name>
    <message numerus="yes">
        <source>Write %n pending change(s) to the file, in one crash-safe transaction.</source>
        <translation>
            <numerusform>Write %n pending change to the file, in one crash-safe transaction.</numerusform>
            <numerusform>Write %n pending changes to the file, in one crash-safe transaction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DamageBanner</name>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln more not listed)</source>
        <translation>
            <numerusform>(%Ln more not listed)</numerusform>
            <numerusform>(%Ln more not listed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DeletedDock</name>
    <message numerus="yes">
        <source>%Ln deleted key(s)</source>
        <translation>
            <numerusform>%Ln deleted key</numerusform>
            <numerusform>%Ln deleted keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted value(s)</source>
        <translation>
            <numerusform>%Ln deleted value</numerusform>
            <numerusform>%Ln deleted values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DeletedModel</name>
    <message numerus="yes">
        <source>Values without a known key (%Ln)</source>
        <translation>
            <numerusform>Value without a known key (%Ln)</numerusform>
            <numerusform>Values without a known key (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln value</numerusform>
            <numerusform>%Ln values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln subkey(s)</source>
        <translation>
            <numerusform>%Ln subkey</numerusform>
            <numerusform>%Ln subkeys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln byte(s) recovered (%2)</source>
        <translation>
            <numerusform>%1 of %Ln byte recovered (%2)</numerusform>
            <numerusform>%1 of %Ln bytes recovered (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DetailsPane</name>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln key</numerusform>
            <numerusform>%Ln keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %Ln byte(s) of the declared data could be read.</source>
        <translation>
            <numerusform>Only %Ln byte of the declared data could be read.</numerusform>
            <numerusform>Only %Ln bytes of the declared data could be read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiagnosticsDock</name>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s)</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln more not listed)</source>
        <translation>
            <numerusform>(%Ln more not listed)</numerusform>
            <numerusform>(%Ln more not listed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::DiskChangeBanner</name>
    <message numerus="yes">
        <source>Reloaded. %n pending change(s) no longer apply to the file as it is now and were dropped; the others are still pending.</source>
        <translation>
            <numerusform>Reloaded. %n pending change no longer applies to the file as it is now and was dropped; the others are still pending.</numerusform>
            <numerusform>Reloaded. %n pending changes no longer apply to the file as it is now and were dropped; the others are still pending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EditActions</name>
    <message numerus="yes">
        <source>%1 has %Ln structural error(s); editing may make it worse.</source>
        <translation>
            <numerusform>%1 has %Ln structural error; editing may make it worse.</numerusform>
            <numerusform>%1 has %Ln structural errors; editing may make it worse.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s), %1 written</source>
        <translation>
            <numerusform>%Ln key, %1 written</numerusform>
            <numerusform>%Ln keys, %1 written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::EditSession</name>
    <message numerus="yes">
        <source>The hive already holds the %n change(s) of the interrupted commit (its log replays them), and some of them were undone since. Redo them, or discard the pending changes.</source>
        <translation>
            <numerusform>The hive already holds the %n change of the interrupted commit (its log replays it), and it was undone since. Redo it, or discard the pending changes.</numerusform>
            <numerusform>The hive already holds the %n changes of the interrupted commit (its log replays them), and some of them were undone since. Redo them, or discard the pending changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::ExportJob</name>
    <message numerus="yes">
        <source>Exported %Ln key(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln key to %1</numerusform>
            <numerusform>Exported %Ln keys to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln problem(s): see hivectl export for the list)</source>
        <translation>
            <numerusform>(%Ln problem: see hivectl export for the list)</numerusform>
            <numerusform>(%Ln problems: see hivectl export for the list)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::HiveView</name>
    <message numerus="yes">
        <source>Reloaded %1; %n pending change(s) no longer apply and were dropped.</source>
        <translation>
            <numerusform>Reloaded %1; %n pending change no longer applies and was dropped.</numerusform>
            <numerusform>Reloaded %1; %n pending changes no longer apply and were dropped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::MainWindow</name>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln key</numerusform>
            <numerusform>%Ln keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln value</numerusform>
            <numerusform>%Ln values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Editing: %n pending change(s)</source>
        <translation>
            <numerusform>Editing: %n pending change</numerusform>
            <numerusform>Editing: %n pending changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::PendingChangesDock</name>
    <message numerus="yes">
        <source>%n pending change(s), applied in this order at commit.</source>
        <translation>
            <numerusform>%n pending change, applied in this order at commit.</numerusform>
            <numerusform>%n pending changes, applied in this order at commit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SearchDock</name>
    <message numerus="yes">
        <source>%Ln hit(s)</source>
        <translation>
            <numerusform>%Ln hit</numerusform>
            <numerusform>%Ln hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s)</source>
        <translation>
            <numerusform>%Ln key</numerusform>
            <numerusform>%Ln keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s)</source>
        <translation>
            <numerusform>%Ln value</numerusform>
            <numerusform>%Ln values</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::SubtreeExpander</name>
    <message numerus="yes">
        <source>Expanding: %Ln key(s) open…</source>
        <translation>
            <numerusform>Expanding: %Ln key open…</numerusform>
            <numerusform>Expanding: %Ln keys open…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::TimelineModel</name>
    <message numerus="yes">
        <source>Deleted key \%1 last written (%n value(s) recovered)</source>
        <translation>
            <numerusform>Deleted key \%1 last written (%n value recovered)</numerusform>
            <numerusform>Deleted key \%1 last written (%n values recovered)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hivekit::gui::compare::CompareWindow</name>
    <message numerus="yes">
        <source>%Ln difference(s)</source>
        <translation>
            <numerusform>%Ln difference</numerusform>
            <numerusform>%Ln differences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln key(s) added</source>
        <translation>
            <numerusform>%Ln key added</numerusform>
            <numerusform>%Ln keys added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln removed</source>
        <translation>
            <numerusform>%Ln removed</numerusform>
            <numerusform>%Ln removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed</source>
        <translation>
            <numerusform>%Ln changed</numerusform>
            <numerusform>%Ln changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln value(s) added</source>
        <translation>
            <numerusform>%Ln value added</numerusform>
            <numerusform>%Ln values added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln part(s) could not be read)</source>
        <translation>
            <numerusform>(%Ln part could not be read)</numerusform>
            <numerusform>(%Ln parts could not be read)</numerusform>
        </translation>
    </message>
</context>
</TS>
