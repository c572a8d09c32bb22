import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Request one file: purpose and take-out / on-site reading.
Popup {
    id: dialog

    property string code
    property string itemTitle
    property bool onSiteOnly: false

    objectName: "requestDialog"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.gap * 2 : 600, Theme.touch * 11)
    padding: Theme.gap * 1.5

    function openFor(c: string, t: string, siteOnly: bool) {
        code = c
        itemTitle = t
        onSiteOnly = siteOnly
        purpose.text = ""
        onSite.checked = siteOnly
        takeOut.checked = !siteOnly
        open()
    }

    Connections {
        target: Theme
        function onOpenRequest(c: string, t: string, siteOnly: bool) {
            dialog.openFor(c, t, siteOnly)
        }
    }
    Connections {
        target: Borrower
        function onRequestDone(ok: bool) {
            if (ok)
                dialog.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap
        Label {
            Layout.fillWidth: true
            text: qsTr("Request") + ": " + dialog.itemTitle
            font.pixelSize: Theme.title
            font.bold: true
            wrapMode: Text.WordWrap
            color: Theme.ink
        }
        Label {
            text: dialog.code
            font.pixelSize: Theme.small
            color: Theme.muted
        }
        TextField {
            id: purpose
            objectName: "purposeField"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch
            font.pixelSize: Theme.body
            placeholderText: qsTr("Purpose (e.g. audit, research, certificate)")
        }
        RowLayout {
            spacing: Theme.gap
            RadioButton {
                id: takeOut
                objectName: "modeTakeOut"
                text: qsTr("Take out")
                enabled: !dialog.onSiteOnly
                font.pixelSize: Theme.body
                implicitHeight: Theme.touch
            }
            RadioButton {
                id: onSite
                objectName: "modeOnSite"
                text: qsTr("Read on site")
                font.pixelSize: Theme.body
                implicitHeight: Theme.touch
            }
        }
        Label {
            visible: dialog.onSiteOnly
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This category may only be read in the archive room.")
            font.pixelSize: Theme.small
            color: Theme.warn
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Item { Layout.fillWidth: true }
            BigButton {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            BigButton {
                objectName: "submitRequest"
                text: qsTr("Submit request")
                highlighted: true
                enabled: !Borrower.busy
                onClicked: Borrower.request(dialog.code, purpose.text, onSite.checked ? "on_site" : "take_out")
            }
        }
    }
}
