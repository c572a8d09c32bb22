import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Shown while the archive server (PostgreSQL, several kiosks) cannot be reached. Nothing can be stored
// until it is back: every action is refused with a message, and the kiosk reconnects by itself (Db).
Rectangle {
    id: banner

    objectName: "serverBanner"
    visible: !Db.reachable
    color: Theme.error
    implicitHeight: column.implicitHeight + Theme.gap
    radius: Theme.radius

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.gap
        spacing: 0
        Label {
            objectName: "serverBannerText"
            Layout.fillWidth: true
            text: qsTr("⚠ Server unreachable")
            color: "white"
            font.pixelSize: Theme.title
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Reconnecting by itself. Nothing can be saved until it is back.")
            color: "white"
            font.pixelSize: Theme.body
            wrapMode: Text.WordWrap
        }
    }
}
