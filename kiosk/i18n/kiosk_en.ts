<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AdminDevicesPanel</name>
    <message>
        <source>Sensors</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <source>never seen</source>
        <translation>never seen</translation>
    </message>
    <message>
        <source>last reading %1</source>
        <translation>last reading %1</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Bind</translation>
    </message>
    <message>
        <source>No sensors yet. Plug one in; it appears here after its first reading.</source>
        <translation>No sensors yet. Plug one in; it appears here after its first reading.</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Label stocks</source>
        <translation>Label stocks</translation>
    </message>
    <message>
        <source>Rebind</source>
        <translation>Rebind</translation>
    </message>
    <message>
        <source>(from ARCHIVE_LABEL_PRINTER)</source>
        <translation>(from ARCHIVE_LABEL_PRINTER)</translation>
    </message>
    <message>
        <source>Label stock: %1</source>
        <translation>Label stock: %1</translation>
    </message>
    <message>
        <source>(from ARCHIVE_REPORT_PRINTER)</source>
        <translation>(from ARCHIVE_REPORT_PRINTER)</translation>
    </message>
    <message>
        <source>Use for labels</source>
        <translation>Use for labels</translation>
    </message>
    <message>
        <source>Use for reports</source>
        <translation>Use for reports</translation>
    </message>
    <message>
        <source>Label printer: %1</source>
        <translation>Label printer: %1</translation>
    </message>
    <message>
        <source>Report printer: %1</source>
        <translation>Report printer: %1</translation>
    </message>
    <message>
        <source>✓ For labels</source>
        <translation>✓ For labels</translation>
    </message>
    <message>
        <source>✓ For reports</source>
        <translation>✓ For reports</translation>
    </message>
    <message>
        <source>none chosen — simulated printer: labels are saved as files in %1</source>
        <translation>none chosen — simulated printer: labels are saved as files in %1</translation>
    </message>
    <message>
        <source>none chosen — reports are saved as files in %1</source>
        <translation>none chosen — reports are saved as files in %1</translation>
    </message>
</context>
<context>
    <name>AdminPeoplePanel</name>
    <message>
        <source>Import people</source>
        <translation>Import people</translation>
    </message>
    <message>
        <source>CSV with the columns 卡号/card, 姓名/name, 部门/department, 角色/roles, 电话/phone. Nothing is imported while any line has a problem.</source>
        <translation>CSV with the columns 卡号/card, 姓名/name, 部门/department, 角色/roles, 电话/phone. Nothing is imported while any line has a problem.</translation>
    </message>
    <message>
        <source>File, e.g. /media/usb/人员.csv</source>
        <translation>File, e.g. /media/usb/人员.csv</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Problems (%1):</source>
        <translation>Problems (%1):</translation>
    </message>
    <message>
        <source>Department permissions</source>
        <translation>Department permissions</translation>
    </message>
</context>
<context>
    <name>AdminRoomsPanel</name>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>%1 shelves, %2 boxes</source>
        <translation>%1 shelves, %2 boxes</translation>
    </message>
    <message>
        <source>Code, e.g. R4</source>
        <translation>Code, e.g. R4</translation>
    </message>
    <message>
        <source>Name, e.g. 四号库房</source>
        <translation>Name, e.g. 四号库房</translation>
    </message>
    <message>
        <source>Add room</source>
        <translation>Add room</translation>
    </message>
    <message>
        <source>Shelves in %1</source>
        <translation>Shelves in %1</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Cabinet</source>
        <translation>Cabinet</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>Pos.</source>
        <translation>Pos.</translation>
    </message>
    <message>
        <source>Boxes</source>
        <translation>Boxes</translation>
    </message>
    <message>
        <source>Shelf barcode (scan or type)</source>
        <translation>Shelf barcode (scan or type)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Add shelf</source>
        <translation>Add shelf</translation>
    </message>
</context>
<context>
    <name>AdminRulesPanel</name>
    <message>
        <source>Loan rules per category</source>
        <translation>Loan rules per category</translation>
    </message>
    <message>
        <source> · head approval</source>
        <translation> · head approval</translation>
    </message>
    <message>
        <source>Loan days</source>
        <translation>Loan days</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <source>In-room only</source>
        <translation>In-room only</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Climate profiles</source>
        <translation>Climate profiles</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>daily swing</source>
        <translation>daily swing</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Save %1</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <source>Rooms &amp; shelves</source>
        <translation>Rooms &amp; shelves</translation>
    </message>
    <message>
        <source>Sensors &amp; printers</source>
        <translation>Sensors &amp; printers</translation>
    </message>
    <message>
        <source>Loan rules &amp; climate</source>
        <translation>Loan rules &amp; climate</translation>
    </message>
    <message>
        <source>People &amp; departments</source>
        <translation>People &amp; departments</translation>
    </message>
    <message>
        <source>Scanner &amp; system</source>
        <translation>Scanner &amp; system</translation>
    </message>
</context>
<context>
    <name>AdminSystemPanel</name>
    <message>
        <source>Barcode scanner (keyboard mode)</source>
        <translation>Barcode scanner (keyboard mode)</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Max. pause between keys (ms)</source>
        <translation>Max. pause between keys (ms)</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>Shortest code</translation>
    </message>
    <message>
        <source>Save scanner settings</source>
        <translation>Save scanner settings</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Exit kiosk mode</source>
        <translation>Exit kiosk mode</translation>
    </message>
</context>
<context>
    <name>ApproverScreen</name>
    <message>
        <source>Waiting for your approval: %1</source>
        <translation>Waiting for your approval: %1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>external</source>
        <translation>external</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>Purpose: %1</translation>
    </message>
    <message>
        <source>Note (required to reject)</source>
        <translation>Note (required to reject)</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Nothing is waiting for you.</source>
        <translation>Nothing is waiting for you.</translation>
    </message>
</context>
<context>
    <name>BorrowerScreen</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>My loans (%1)</source>
        <translation>My loans (%1)</translation>
    </message>
    <message>
        <source>My requests (%1)</source>
        <translation>My requests (%1)</translation>
    </message>
    <message numerus="yes">
        <source>You have %n overdue loan(s). Please return them; new loans are blocked until then.</source>
        <translation><numerusform>You have %n overdue loan. Please return it; new loans are blocked until then.</numerusform><numerusform>You have %n overdue loans. Please return them; new loans are blocked until then.</numerusform></translation>
    </message>
    <message>
        <source>Title, archival code, fonds or year</source>
        <translation>Title, archival code, fonds or year</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
    <message>
        <source>On site only</source>
        <translation>On site only</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Not available</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>Overdue since %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>Renew</translation>
    </message>
    <message>
        <source>You have nothing on loan.</source>
        <translation>You have nothing on loan.</translation>
    </message>
    <message>
        <source>waiting for: %1</source>
        <translation>waiting for: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>You have no requests.</source>
        <translation>You have no requests.</translation>
    </message>
    <message>
        <source>Keyboard ▾</source>
        <translation>Keyboard ▾</translation>
    </message>
    <message>
        <source>Keyboard ▴</source>
        <translation>Keyboard ▴</translation>
    </message>
</context>
<context>
    <name>BoxCard</name>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Fonds</source>
        <translation>Fonds</translation>
    </message>
    <message>
        <source>Year · retention</source>
        <translation>Year · retention</translation>
    </message>
    <message>
        <source>Box no. · items</source>
        <translation>Box no. · items</translation>
    </message>
    <message>
        <source>Category · security</source>
        <translation>Category · security</translation>
    </message>
    <message>
        <source>on-site reading only</source>
        <translation>on-site reading only</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>not printed yet</source>
        <translation>not printed yet</translation>
    </message>
    <message>
        <source>out of date — reprint</source>
        <translation>out of date — reprint</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>up to date</translation>
    </message>
</context>
<context>
    <name>ClimateTile</name>
    <message>
        <source>No readings yet</source>
        <translation>No readings yet</translation>
    </message>
    <message>
        <source>Sensor silent</source>
        <translation>Sensor silent</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation><numerusform>%n alert</numerusform><numerusform>%n alerts</numerusform></translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>Still there? Logging out in %1 s</source>
        <translation>Still there? Logging out in %1 s</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>EnvAlertsPanel</name>
    <message>
        <source>Open only</source>
        <translation>Open only</translation>
    </message>
    <message>
        <source> (limit %1)</source>
        <translation> (limit %1)</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>still open</translation>
    </message>
    <message>
        <source>acknowledged by %1: %2</source>
        <translation>acknowledged by %1: %2</translation>
    </message>
    <message>
        <source>not acknowledged — tap to acknowledge</source>
        <translation>not acknowledged — tap to acknowledge</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>No alerts.</translation>
    </message>
    <message>
        <source>Dehumidifier switched on</source>
        <translation>Dehumidifier switched on</translation>
    </message>
    <message>
        <source>Air conditioning adjusted</source>
        <translation>Air conditioning adjusted</translation>
    </message>
    <message>
        <source>Room ventilated</source>
        <translation>Room ventilated</translation>
    </message>
    <message>
        <source>Sensor checked and replaced</source>
        <translation>Sensor checked and replaced</translation>
    </message>
    <message>
        <source>Action taken (required)</source>
        <translation>Action taken (required)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnvDashboard</name>
    <message>
        <source>good</source>
        <translation>good</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>at risk</source>
        <translation>at risk</translation>
    </message>
    <message>
        <source>no readings</source>
        <translation>no readings</translation>
    </message>
    <message numerus="yes">
        <source>%n open alert(s)</source>
        <translation><numerusform>%n open alert</numerusform><numerusform>%n open alerts</numerusform></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>Temperature (mean line, min–max shaded; green = allowed, red = excursion)</source>
        <translation>Temperature (mean line, min–max shaded; green = allowed, red = excursion)</translation>
    </message>
    <message>
        <source>No readings in this period</source>
        <translation>No readings in this period</translation>
    </message>
    <message>
        <source>Relative humidity</source>
        <translation>Relative humidity</translation>
    </message>
    <message>
        <source>TWPI (years)</source>
        <translation>TWPI (years)</translation>
    </message>
    <message>
        <source>Mould risk</source>
        <translation>Mould risk</translation>
    </message>
    <message>
        <source>EMC % (metal corrosion)</source>
        <translation>EMC % (metal corrosion)</translation>
    </message>
    <message>
        <source>Mechanical damage</source>
        <translation>Mechanical damage</translation>
    </message>
    <message>
        <source>safe</source>
        <translation>safe</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Scan a box or your card</source>
        <translation>Scan a box or your card</translation>
    </message>
    <message>
        <source>Hold the barcode under the scanner. Staff: scan your card, then enter your PIN.</source>
        <translation>Hold the barcode under the scanner. Staff: scan your card, then enter your PIN.</translation>
    </message>
    <message>
        <source>Or type the code on the label</source>
        <translation>Or type the code on the label</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Storage rooms</source>
        <translation>Storage rooms</translation>
    </message>
</context>
<context>
    <name>KioskKeyboard</name>
    <message>
        <source>Hide ▾</source>
        <translation>Hide ▾</translation>
    </message>
    <message>
        <source>Keep letters</source>
        <translation>Keep letters</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
</context>
<context>
    <name>LabelsPanel</name>
    <message>
        <source>label up to date</source>
        <translation>label up to date</translation>
    </message>
    <message>
        <source>label out of date</source>
        <translation>label out of date</translation>
    </message>
    <message>
        <source>no label yet</source>
        <translation>no label yet</translation>
    </message>
    <message>
        <source>Scan a shelf to print its label or its out-of-date box labels; scan boxes to print their labels together.</source>
        <translation>Scan a shelf to print its label or its out-of-date box labels; scan boxes to print their labels together.</translation>
    </message>
    <message>
        <source>Print shelf label</source>
        <translation>Print shelf label</translation>
    </message>
    <message numerus="yes">
        <source>Print %n out-of-date label(s)</source>
        <translation><numerusform>Print %n out-of-date label</numerusform><numerusform>Print %n out-of-date labels</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Print %n scanned box label(s)</source>
        <translation><numerusform>Print %n scanned box label</numerusform><numerusform>Print %n scanned box labels</numerusform></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>Boxes on the shelf</source>
        <translation>Boxes on the shelf</translation>
    </message>
    <message>
        <source>Shelf %1 (%2): %3 boxes, %4 need a new label.</source>
        <translation>Shelf %1 (%2): %3 boxes, %4 need a new label.</translation>
    </message>
    <message>
        <source>No shelf scanned yet.</source>
        <translation>No shelf scanned yet.</translation>
    </message>
    <message>
        <source>No boxes on this shelf.</source>
        <translation>No boxes on this shelf.</translation>
    </message>
    <message>
        <source>Scanned boxes (batch)</source>
        <translation>Scanned boxes (batch)</translation>
    </message>
    <message>
        <source>Scan boxes one after another to print their labels as one job.</source>
        <translation>Scan boxes one after another to print their labels as one job.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Archive-room kiosk</source>
        <translation>Archive-room kiosk</translation>
    </message>
</context>
<context>
    <name>ManagerExportPanel</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Holdings (CSV)</source>
        <translation>Holdings (CSV)</translation>
    </message>
    <message>
        <source>Loans (CSV)</source>
        <translation>Loans (CSV)</translation>
    </message>
    <message>
        <source>Overdue (CSV)</source>
        <translation>Overdue (CSV)</translation>
    </message>
    <message>
        <source>Ledger (CSV)</source>
        <translation>Ledger (CSV)</translation>
    </message>
    <message>
        <source>Climate report, 30 days (PDF)</source>
        <translation>Climate report, 30 days (PDF)</translation>
    </message>
    <message>
        <source>Climate report, 30 days (CSV)</source>
        <translation>Climate report, 30 days (CSV)</translation>
    </message>
    <message>
        <source>USB sticks:</source>
        <translation>USB sticks:</translation>
    </message>
    <message>
        <source>none found — plug one in and tap Look again</source>
        <translation>none found — plug one in and tap Look again</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Look again</translation>
    </message>
    <message>
        <source>Folder, e.g. /media/usb/档案导出</source>
        <translation>Folder, e.g. /media/usb/档案导出</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Ledger (tamper check)</source>
        <translation>Ledger (tamper check)</translation>
    </message>
    <message>
        <source>Not checked yet in this session.</source>
        <translation>Not checked yet in this session.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>OK — %1 rows checked, the chain is intact.</source>
        <translation>OK — %1 rows checked, the chain is intact.</translation>
    </message>
    <message>
        <source>FAILED at row %1 (%2); %3 rows checked. Call the administrator and keep the database file.</source>
        <translation>FAILED at row %1 (%2); %3 rows checked. Call the administrator and keep the database file.</translation>
    </message>
    <message>
        <source>Could not check: %1</source>
        <translation>Could not check: %1</translation>
    </message>
    <message>
        <source>Verify ledger</source>
        <translation>Verify ledger</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Climate</source>
        <translation>Climate</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Holdings</translation>
    </message>
    <message>
        <source>Loans &amp; overdue</source>
        <translation>Loans &amp; overdue</translation>
    </message>
    <message>
        <source>Export &amp; ledger</source>
        <translation>Export &amp; ledger</translation>
    </message>
</context>
<context>
    <name>PickListPanel</name>
    <message>
        <source>No approved requests are waiting to be fetched.</source>
        <translation>No approved requests are waiting to be fetched.</translation>
    </message>
    <message>
        <source>%1 approved requests, in shelf order. Scan each box you take: %2 of %1 picked.</source>
        <translation>%1 approved requests, in shelf order. Scan each box you take: %2 of %1 picked.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Taken out by %1 at %2</source>
        <translation>Taken out by %1 at %2</translation>
    </message>
    <message>
        <source>Undo tick</source>
        <translation>Undo tick</translation>
    </message>
    <message>
        <source>Undo the tick of %1?</source>
        <translation>Undo the tick of %1?</translation>
    </message>
    <message>
        <source>Undo: wrong box scanned</source>
        <translation>Undo: wrong box scanned</translation>
    </message>
    <message>
        <source>Undo: box put back on its shelf</source>
        <translation>Undo: box put back on its shelf</translation>
    </message>
    <message>
        <source>Keep the tick</source>
        <translation>Keep the tick</translation>
    </message>
    <message>
        <source>The line goes back to “to be fetched”; the taking out stays in the ledger.</source>
        <translation>The line goes back to “to be fetched”; the taking out stays in the ledger.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Purpose (e.g. audit, research, certificate)</source>
        <translation>Purpose (e.g. audit, research, certificate)</translation>
    </message>
    <message>
        <source>Take out</source>
        <translation>Take out</translation>
    </message>
    <message>
        <source>Read on site</source>
        <translation>Read on site</translation>
    </message>
    <message>
        <source>This category may only be read in the archive room.</source>
        <translation>This category may only be read in the archive room.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>Submit request</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>⚠ Server unreachable</source>
        <translation>⚠ Server unreachable</translation>
    </message>
    <message>
        <source>Reconnecting by itself. Nothing can be saved until it is back.</source>
        <translation>Reconnecting by itself. Nothing can be saved until it is back.</translation>
    </message>
</context>
<context>
    <name>StaffScreen</name>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Return many</source>
        <translation>Return many</translation>
    </message>
    <message>
        <source>Move many</source>
        <translation>Move many</translation>
    </message>
    <message>
        <source>Batch return: scan each box; each one is checked in as OK.</source>
        <translation>Batch return: scan each box; each one is checked in as OK.</translation>
    </message>
    <message>
        <source>Batch move: scan the target shelf first.</source>
        <translation>Batch move: scan the target shelf first.</translation>
    </message>
    <message>
        <source>Batch move to %1: scan each box.</source>
        <translation>Batch move to %1: scan each box.</translation>
    </message>
    <message>
        <source>Scan a box to see it here.</source>
        <translation>Scan a box to see it here.</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Print label</translation>
    </message>
    <message>
        <source>Scan the borrower's card</source>
        <translation>Scan the borrower's card</translation>
    </message>
    <message>
        <source>Or lend it for an approved request:</source>
        <translation>Or lend it for an approved request:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Condition on return</source>
        <translation>Condition on return</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Scan the target shelf</source>
        <translation>Scan the target shelf</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>This session</translation>
    </message>
    <message>
        <source>Box desk</source>
        <translation>Box desk</translation>
    </message>
    <message>
        <source>Inventory sweep</source>
        <translation>Inventory sweep</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Pick list</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>Transfer in</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>StatsHoldingsPanel</name>
    <message>
        <source>Boxes</source>
        <translation>Boxes</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>On loan</source>
        <translation>On loan</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Loans in 12 months</source>
        <translation>Loans in 12 months</translation>
    </message>
    <message>
        <source>Borrowers in 12 months</source>
        <translation>Borrowers in 12 months</translation>
    </message>
    <message>
        <source>By fonds</source>
        <translation>By fonds</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>By year</translation>
    </message>
    <message>
        <source>By room</source>
        <translation>By room</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
</context>
<context>
    <name>StatsLoansPanel</name>
    <message>
        <source>Loans per month</source>
        <translation>Loans per month</translation>
    </message>
    <message>
        <source>loans</source>
        <translation>loans</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>returns</translation>
    </message>
    <message>
        <source>Use per category (12 months)</source>
        <translation>Use per category (12 months)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Loans</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Borrowers</source>
        <translation>Borrowers</translation>
    </message>
    <message>
        <source>On-site</source>
        <translation>On-site</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Nothing is overdue.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue · due %1 · %2 %3</source>
        <translation><numerusform>%n day overdue · due %1 · %2 %3</numerusform><numerusform>%n days overdue · due %1 · %2 %3</numerusform></translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Scan the shelf to sweep, then every box on it.</source>
        <translation>Scan the shelf to sweep, then every box on it.</translation>
    </message>
    <message>
        <source>Sweeping %1: scan each box on the shelf (%2 scanned).</source>
        <translation>Sweeping %1: scan each box on the shelf (%2 scanned).</translation>
    </message>
    <message>
        <source>Sweep of %1 saved.</source>
        <translation>Sweep of %1 saved.</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>Report saved: %1</translation>
    </message>
    <message>
        <source>Finish sweep</source>
        <translation>Finish sweep</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>Next shelf</source>
        <translation>Next shelf</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>Missing (flagged)</source>
        <translation>Missing (flagged)</translation>
    </message>
    <message>
        <source>Not scanned yet</source>
        <translation>Not scanned yet</translation>
    </message>
    <message>
        <source>Misplaced</source>
        <translation>Misplaced</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Archivist</source>
        <translation>Archivist</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Archive-room kiosk</source>
        <translation>Archive-room kiosk</translation>
    </message>
    <message>
        <source>Simulated devices</source>
        <translation>Simulated devices</translation>
    </message>
    <message>
        <source>scanner</source>
        <translation>scanner</translation>
    </message>
    <message>
        <source>climate sensors</source>
        <translation>sensors</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>No transfer is waiting to be received. Enter the register first (archivectl transfer open).</source>
        <translation>No transfer is waiting to be received. Enter the register first (archivectl transfer open).</translation>
    </message>
    <message>
        <source>Choose the transfer that arrived:</source>
        <translation>Choose the transfer that arrived:</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 lines</translation>
    </message>
    <message>
        <source>Transfer %1 from %2</source>
        <translation>Transfer %1 from %2</translation>
    </message>
    <message>
        <source>Register %1 boxes · received %2 · missing %3 · extra %4 · not matching %5</source>
        <translation>Register %1 boxes · received %2 · missing %3 · extra %4 · not matching %5</translation>
    </message>
    <message>
        <source>Scan the boxes that arrived, then the shelf where they go.</source>
        <translation>Scan the boxes that arrived, then the shelf where they go.</translation>
    </message>
    <message>
        <source>Received boxes go to %1</source>
        <translation>Received boxes go to %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <source>extra, not on the register</source>
        <translation>extra, not on the register</translation>
    </message>
    <message>
        <source>not delivered yet</source>
        <translation>not delivered yet</translation>
    </message>
    <message>
        <source>Sign for it</source>
        <translation>Sign for it</translation>
    </message>
    <message>
        <source>Note on the differences (required if any)</source>
        <translation>Note on the differences (required if any)</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Your PIN</translation>
    </message>
    <message>
        <source>Sign and accept</source>
        <translation>Sign and accept</translation>
    </message>
    <message>
        <source>Import register</source>
        <translation>Import register</translation>
    </message>
    <message>
        <source>Register file: CSV with the columns 档号, 题名, 年度, 页数, 盒条码 (UTF-8 or GB18030).</source>
        <translation>Register file: CSV with the columns 档号, 题名, 年度, 页数, 盒条码 (UTF-8 or GB18030).</translation>
    </message>
    <message>
        <source>File, e.g. /media/usb/移交清单.csv</source>
        <translation>File, e.g. /media/usb/移交清单.csv</translation>
    </message>
    <message>
        <source>Transfer number</source>
        <translation>Transfer number</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <source>Their head of department</source>
        <translation>Their head of department</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>