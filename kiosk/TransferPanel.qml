import QtQuick
import QtQuick.Controls
import Kiosk

// Transfer in (移交接收): choose an open transfer, scan the boxes that arrived and the receiving shelf, see the
// differences, sign for it with your PIN.
Item {
    id: panel

    readonly property var transfer: BoxDesk.transfer
    readonly property bool chosen: panel.transfer.transferId > 0
    readonly property bool wide: width > height
    property bool importing: false

    Connections {
        target: BoxDesk.transfer
        function onImported() { panel.importing = false }
    }

    // ---- no transfer chosen: the open ones
    Label {
        id: listHeading
        anchors.left: parent.left
        anchors.right: refresh.left
        anchors.rightMargin: refresh.width + Theme.gap * 2
        anchors.verticalCenter: refresh.verticalCenter
        anchors.leftMargin: Theme.gap
        visible: !panel.chosen
        text: panel.transfer.transfers.count === 0
              ? qsTr("No transfer is waiting to be received. Enter the register first (archivectl transfer open).")
              : qsTr("Choose the transfer that arrived:")
        font.pixelSize: Theme.body
        color: Theme.ink
        wrapMode: Text.WordWrap
    }
    BigButton {
        id: refresh
        objectName: "transferRefresh"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        visible: !panel.chosen
        text: qsTr("Refresh")
        onClicked: panel.transfer.load()
    }
    BigButton {
        objectName: "transferImport"
        anchors.right: refresh.left
        anchors.top: parent.top
        anchors.margins: Theme.gap
        visible: !panel.chosen && !panel.importing
        text: qsTr("Import register")
        onClicked: panel.importing = true
    }

    // A register brought as a CSV file (e.g. on a USB stick): where it is and who hands it over.
    Column {
        id: importForm
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: refresh.bottom
        anchors.margins: Theme.gap
        visible: !panel.chosen && panel.importing
        spacing: Theme.gap / 2
        Label {
            width: parent.width
            text: qsTr("Register file: CSV with the columns 档号, 题名, 年度, 页数, 盒条码 (UTF-8 or GB18030).")
            font.pixelSize: Theme.small
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        TextField {
            id: importPath
            objectName: "importPath"
            width: parent.width
            height: Theme.touch
            font.pixelSize: Theme.body
            placeholderText: qsTr("File, e.g. /media/usb/移交清单.csv")
        }
        Row {
            width: parent.width
            spacing: Theme.gap / 2
            TextField {
                id: importCode
                objectName: "importCode"
                width: (parent.width - Theme.gap) / 2
                height: Theme.touch
                font.pixelSize: Theme.body
                placeholderText: qsTr("Transfer number")
            }
            TextField {
                id: importDept
                objectName: "importDept"
                width: (parent.width - Theme.gap) / 2
                height: Theme.touch
                font.pixelSize: Theme.body
                placeholderText: qsTr("Department")
            }
        }
        Row {
            width: parent.width
            spacing: Theme.gap / 2
            TextField {
                id: importSender
                objectName: "importSender"
                width: (parent.width - Theme.gap) / 2
                height: Theme.touch
                font.pixelSize: Theme.body
                placeholderText: qsTr("Handed over by")
            }
            TextField {
                id: importHead
                objectName: "importHead"
                width: (parent.width - Theme.gap) / 2
                height: Theme.touch
                font.pixelSize: Theme.body
                placeholderText: qsTr("Their head of department")
            }
        }
        Row {
            spacing: Theme.gap
            BigButton {
                objectName: "importSubmit"
                highlighted: true
                enabled: !panel.transfer.busy
                text: qsTr("Import")
                onClicked: panel.transfer.importRegister(importPath.text, importCode.text, importDept.text,
                                                         importSender.text, importHead.text)
            }
            BigButton {
                objectName: "importCancel"
                text: qsTr("Cancel")
                onClicked: panel.importing = false
            }
        }
    }

    ListView {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: refresh.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        visible: !panel.chosen && !panel.importing
        clip: true
        spacing: Theme.gap / 2
        model: panel.transfer.transfers
        delegate: BigButton {
            required property var transferId
            required property string code
            required property string department
            required property string sender
            required property int registerLines
            required property string created
            objectName: "transfer_" + code
            width: ListView.view.width
            text: code + "  ·  " + (department !== "" ? department + " · " : "") + sender + "  ·  "
                  + qsTr("%1 lines").arg(registerLines) + "  ·  " + created
            onClicked: BoxDesk.transfer.open(transferId)
        }
    }

    // ---- a transfer chosen: its boxes, the differences, the signature
    Label {
        id: heading
        anchors.left: parent.left
        anchors.right: back.left
        anchors.top: parent.top
        anchors.margins: Theme.gap
        visible: panel.chosen
        text: qsTr("Transfer %1 from %2").arg(panel.transfer.code).arg(panel.transfer.sender)
        font.pixelSize: Theme.title
        font.bold: true
        color: Theme.ink
        wrapMode: Text.Wrap
    }
    Label {
        id: counts
        objectName: "transferCounts"
        anchors.left: parent.left
        anchors.right: back.left
        anchors.top: heading.bottom
        anchors.leftMargin: Theme.gap
        visible: panel.chosen
        text: qsTr("Register %1 boxes · received %2 · missing %3 · extra %4 · not matching %5")
              .arg(panel.transfer.expected).arg(panel.transfer.received).arg(panel.transfer.missingCount)
              .arg(panel.transfer.extraCount).arg(panel.transfer.mismatchCount)
        font.pixelSize: Theme.body
        color: panel.transfer.missingCount + panel.transfer.extraCount + panel.transfer.mismatchCount > 0 ? Theme.warn : Theme.ok
        wrapMode: Text.WordWrap
    }
    Label {
        id: shelfLine
        anchors.left: parent.left
        anchors.right: back.left
        anchors.top: counts.bottom
        anchors.leftMargin: Theme.gap
        visible: panel.chosen
        text: panel.transfer.shelf === "" ? qsTr("Scan the boxes that arrived, then the shelf where they go.")
              : qsTr("Received boxes go to %1").arg(Language.pick(panel.transfer.shelfZh, panel.transfer.shelfEn))
        font.pixelSize: Theme.small
        color: Theme.muted
        wrapMode: Text.Wrap
    }
    BigButton {
        id: back
        objectName: "transferBack"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        visible: panel.chosen
        text: qsTr("Back")
        onClicked: panel.transfer.close()
    }

    ListView {
        id: boxList
        objectName: "transferBoxes"
        anchors.left: parent.left
        anchors.right: panel.wide ? sign.left : parent.right
        anchors.top: shelfLine.bottom
        anchors.bottom: panel.wide ? parent.bottom : sign.top
        anchors.margins: Theme.gap
        visible: panel.chosen
        clip: true
        spacing: 4
        model: panel.transfer.boxes
        delegate: Rectangle {
            id: row
            required property string key
            required property string title
            required property string status
            required property string noteZh
            required property string noteEn
            width: ListView.view.width
            height: rowText.implicitHeight + Theme.gap
            radius: 4
            color: row.status === "received" ? Theme.okSoft : row.status === "extra" ? Theme.warnSoft : Theme.errorSoft
            Label {
                id: rowText
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.gap / 2
                text: (row.status === "received" ? "✓ " + qsTr("received")
                       : row.status === "extra" ? "+ " + qsTr("extra, not on the register")
                       : "✗ " + qsTr("not delivered yet")) + "   " + row.key
                      + (row.title !== "" ? "   " + row.title : "")
                      + (row.noteZh !== "" && row.status !== "extra" ? "  (" + Language.pick(row.noteZh, row.noteEn) + ")" : "")
                font.pixelSize: Theme.body
                color: Theme.ink
                wrapMode: Text.Wrap
            }
        }
    }

    // Signature: the note on differences (required when there are any) and the archivist's PIN.
    Column {
        id: sign
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        width: panel.wide ? Math.min(parent.width * 0.42, Theme.touch * 8) : parent.width - Theme.gap * 2  // the note placeholder fits
        visible: panel.chosen
        spacing: Theme.gap / 2
        Label {
            width: parent.width
            text: qsTr("Sign for it")
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.accent
        }
        TextField {
            id: noteField
            objectName: "transferNote"
            width: parent.width
            height: Theme.touch
            font.pixelSize: Theme.body
            placeholderText: qsTr("Note on the differences (required if any)")
        }
        TextField {
            id: pinField
            objectName: "transferPin"
            width: parent.width
            height: Theme.touch
            font.pixelSize: Theme.body
            echoMode: TextInput.Password
            inputMethodHints: Qt.ImhDigitsOnly
            placeholderText: qsTr("Your PIN")
        }
        BigButton {
            objectName: "transferAccept"
            width: parent.width
            enabled: !panel.transfer.busy
            highlighted: true
            text: qsTr("Sign and accept")
            onClicked: {
                panel.transfer.accept(pinField.text, noteField.text)
                pinField.text = ""
            }
        }
    }
}
