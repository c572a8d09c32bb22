import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Shown when nobody has touched the kiosk for a minute: counts down, then logs out. Touch to stay.
Rectangle {
    id: overlay

    objectName: "countdownOverlay"
    visible: Session.countdown > 0
    color: "#dd1d2327"

    MouseArea {
        anchors.fill: parent
        onClicked: Session.touch()
    }
    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.gap
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Still there? Logging out in %1 s").arg(Session.countdown)
            color: "white"
            font.pixelSize: Theme.huge
            font.bold: true
        }
        BigButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Continue")
            tone: "ok"
            onClicked: Session.touch()
        }
    }
}
