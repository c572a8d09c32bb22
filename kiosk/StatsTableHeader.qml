import QtQuick
import QtQuick.Controls
import Kiosk

// Header of a simple table: the first column takes the free width, the others share the rest equally.
Rectangle {
    id: header

    property var columns: []
    property real firstShare: 0.4

    implicitHeight: Theme.touch * 0.75
    color: Theme.line
    radius: Theme.radius / 2

    Row {
        anchors.fill: parent
        anchors.leftMargin: Theme.gap / 2
        Repeater {
            model: header.columns.map((c, i) => ({ text: String(c), first: i === 0, height: header.height,
                                             width: i === 0 ? header.width * header.firstShare
                                                   : (header.width * (1 - header.firstShare) - Theme.gap) / Math.max(1, header.columns.length - 1) }))
            delegate: Label {
                required property var modelData
                width: modelData.width
                height: modelData.height
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: modelData.first ? Text.AlignLeft : Text.AlignRight
                text: modelData.text
                font.pixelSize: Theme.small
                font.bold: true
                color: Theme.ink
                elide: Text.ElideRight
            }
        }
    }
}
