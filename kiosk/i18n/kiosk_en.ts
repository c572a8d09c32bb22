<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AdminScreen</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Rooms, shelves, sensors, printers, loan rules and people are managed with archivectl for now.</source>
        <translation>Rooms, shelves, sensors, printers, loan rules and people are managed with archivectl for now.</translation>
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
        <translation><numerusform>You have %n overdue loan(s). Please return them; new loans are blocked until then.</numerusform><numerusform>You have %n overdue loan(s). Please return them; new loans are blocked until then.</numerusform></translation>
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
        <translation><numerusform>%n alert(s)</numerusform><numerusform>%n alert(s)</numerusform></translation>
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
    <name>Main</name>
    <message>
        <source>Archive-room kiosk</source>
        <translation>Archive-room kiosk</translation>
    </message>
</context>
<context>
    <name>ManagerScreen</name>
    <message>
        <source>Storage rooms</source>
        <translation>Storage rooms</translation>
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
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
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
</TS>