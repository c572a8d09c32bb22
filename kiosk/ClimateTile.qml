import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// One room's climate: green / amber / red, current °C and %RH, open alert count.
Rectangle {
    id: tile

    property string roomName
    property string temperature
    property string humidity
    property int alertCount: 0
    property bool silent: false
    property string level: "none"

    implicitWidth: Theme.touch * 4
    implicitHeight: Theme.touch * 2
    radius: Theme.radius
    color: tile.level === "ok" ? Theme.okSoft : tile.level === "warn" ? Theme.warnSoft
         : tile.level === "error" ? Theme.errorSoft : Theme.surface
    border.width: Math.max(2, Theme.scale * 3)
    border.color: tile.level === "ok" ? Theme.ok : tile.level === "warn" ? Theme.warn
                : tile.level === "error" ? Theme.error : Theme.line

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 2
        Label {
            text: tile.roomName
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.ink
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: tile.temperature === "" ? qsTr("No readings yet") : tile.temperature + "  ·  " + tile.humidity
            font.pixelSize: tile.temperature === "" ? Theme.small : Theme.title
            fontSizeMode: Text.HorizontalFit  // "19.2 °C  ·  52 %RH" stays inside the tile
            minimumPixelSize: Theme.small
            color: Theme.ink
            Layout.fillWidth: true
        }
        Label {
            visible: tile.alertCount > 0 || tile.silent
            text: tile.silent ? qsTr("Sensor silent") : qsTr("%n alert(s)", "", tile.alertCount)
            font.pixelSize: Theme.small
            font.bold: true
            color: tile.level === "error" ? Theme.error : Theme.warn
        }
    }
}
