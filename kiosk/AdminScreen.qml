import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Administration: leaving kiosk mode (only here, only for an administrator).
Item {
    id: screen

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap * 2
        spacing: Theme.gap
        Label {
            text: qsTr("Administration")
            font.pixelSize: Theme.title
            font.bold: true
            color: Theme.ink
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("Rooms, shelves, sensors, printers, loan rules and people are managed with archivectl for now.")
            font.pixelSize: Theme.body
            color: Theme.muted
        }
        Label {
            text: qsTr("Version %1").arg(App.version)
            font.pixelSize: Theme.small
            color: Theme.muted
        }
        BigButton {
            objectName: "exitKiosk"
            text: qsTr("Exit kiosk mode")
            tone: "error"
            onClicked: App.exitKiosk()
        }
        Item { Layout.fillHeight: true }
    }
}
