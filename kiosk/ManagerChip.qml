import QtQuick
import QtQuick.Controls
import Kiosk

// A small read-only figure with a caption and a tone ("good" / "ok" / "risk" or "" for neutral).
Rectangle {
    id: chip

    property string caption: ""
    property string value: ""
    property string band: ""

    implicitWidth: Math.max(captionLabel.implicitWidth, valueLabel.implicitWidth) + Theme.gap
    implicitHeight: captionLabel.implicitHeight + valueLabel.implicitHeight + Theme.gap / 2
    radius: Theme.radius
    color: band === "good" ? Theme.okSoft : band === "ok" ? Theme.warnSoft : band === "risk" ? Theme.errorSoft : Theme.surface
    border.color: band === "good" ? Theme.ok : band === "ok" ? Theme.warn : band === "risk" ? Theme.error : Theme.line
    border.width: 2

    Column {
        anchors.centerIn: parent
        width: parent.width - Theme.gap / 2
        Label {
            id: captionLabel
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: chip.caption
            font.pixelSize: Theme.small
            color: Theme.muted
        }
        Label {
            id: valueLabel
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: chip.value
            font.pixelSize: Theme.small
            font.bold: true
            color: Theme.ink
        }
    }
}
