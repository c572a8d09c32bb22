import QtQuick
import QtQuick.Controls
import Kiosk

// A large touch button (≥ 9 mm high) with an optional tone: "", "ok", "warn", "error".
Button {
    id: control

    property string tone: ""

    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch * 2, contentItem.implicitWidth + Theme.gap * 3)
    font.pixelSize: Theme.body
    font.bold: true

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.tone === "" && !control.highlighted ? Theme.ink : Theme.accentInk
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // A narrow button takes its label on two lines (still ≥ 9 mm high) before anything is elided.
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
        opacity: control.enabled ? 1.0 : 0.5
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.tone !== "" ? Theme.stateColor(control.tone)
             : control.highlighted ? Theme.accent : Theme.surface
        border.color: control.tone === "" && !control.highlighted ? Theme.line : "transparent"
        border.width: 2
        opacity: control.down ? 0.75 : (control.enabled ? 1.0 : 0.5)
    }
}
