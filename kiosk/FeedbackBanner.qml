import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// The answer to a scan or an action: full-width colour band with large text. It appears in the same frame
// the answer arrives (no entry animation); ok/info fade after a few seconds, warnings and errors stay until
// touched or replaced.
Rectangle {
    id: banner

    objectName: "feedbackBanner"
    visible: Feedback.visible
    color: Theme.stateColor(Feedback.kind)
    implicitHeight: column.implicitHeight + Theme.gap * 2
    radius: Theme.radius

    Connections {
        target: Feedback
        function onChanged() {
            hideTimer.interval = (Feedback.kind === "ok" || Feedback.kind === "info") ? 4000 : 10000
            hideTimer.restart()
        }
    }
    Timer {
        id: hideTimer
        onTriggered: Feedback.dismiss()
    }
    MouseArea {
        anchors.fill: parent
        onClicked: Feedback.dismiss()
    }
    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.margins: Theme.gap
        spacing: Theme.gap / 3
        Label {
            objectName: "feedbackText"
            Layout.fillWidth: true
            text: (Feedback.kind === "ok" ? "✔ " : Feedback.kind === "info" ? "" : "✖ ")
                  + Language.pick(Feedback.textZh, Feedback.textEn)
            color: "white"
            font.pixelSize: Theme.title
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: Language.pick(Feedback.detailZh, Feedback.detailEn)
            color: "white"
            font.pixelSize: Theme.body
            elide: Text.ElideRight
        }
    }
}
