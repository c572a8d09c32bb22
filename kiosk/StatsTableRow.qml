import QtQuick
import QtQuick.Controls
import Kiosk

// One row of a simple table (see StatsTableHeader).
Rectangle {
    id: row

    property var cells: []
    property real firstShare: 0.4
    property bool alert: false

    implicitHeight: Theme.touch * 0.8
    color: alert ? Theme.warnSoft : Theme.surface
    border.color: Theme.background
    border.width: 1

    Row {
        anchors.fill: parent
        anchors.leftMargin: Theme.gap / 2
        Repeater {
            model: row.cells.map((c, i) => ({ text: String(c), first: i === 0, height: row.height,
                                             width: i === 0 ? row.width * row.firstShare
                                                   : (row.width * (1 - row.firstShare) - Theme.gap) / Math.max(1, row.cells.length - 1) }))
            delegate: Label {
                required property var modelData
                width: modelData.width
                height: modelData.height
                verticalAlignment: Text.AlignVCenter
                horizontalAlignment: modelData.first ? Text.AlignLeft : Text.AlignRight
                text: modelData.text
                font.pixelSize: Theme.small
                color: Theme.ink
                wrapMode: Text.Wrap  // a long group name takes a second line (the row has room for two)
                maximumLineCount: 2
                elide: Text.ElideRight
            }
        }
    }
}
