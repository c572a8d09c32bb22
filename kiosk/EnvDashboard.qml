import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Manager › environment: rooms with current values on the left; the selected room's temperature and humidity
// charts for the chosen range (band shaded, excursions marked) and its preservation figures on the right.
// Portrait: the rooms in a row on top, the rest below.
Item {
    id: dashboard

    readonly property var band: Env.band
    readonly property var metrics: Env.metrics
    readonly property bool wide: width > height

    function bandText(b: string): string {
        return b === "good" ? qsTr("good") : b === "ok" ? qsTr("fair") : b === "risk" ? qsTr("at risk") : "—"
    }

    GridLayout {
        anchors.fill: parent
        columns: dashboard.wide ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap / 2

        ListView {
            id: roomList
            objectName: "envRooms"
            Layout.preferredWidth: dashboard.wide ? Math.max(Theme.touch * 3.2, dashboard.width * 0.24) : -1
            Layout.fillWidth: !dashboard.wide
            Layout.fillHeight: dashboard.wide
            Layout.preferredHeight: dashboard.wide ? -1 : Theme.touch * 1.5
            orientation: dashboard.wide ? ListView.Vertical : ListView.Horizontal
            clip: true
            spacing: Theme.gap / 2
            model: Env.rooms
            delegate: ItemDelegate {
                id: roomRow
                required property string roomCode
                required property string roomName
                required property string temperature
                required property string humidity
                required property string level
                required property int alertCount
                objectName: "envRoom_" + roomCode
                // a column of rooms (landscape) or a row of them (portrait), each as wide as its name needs
                readonly property bool inColumn: ListView.view.height > ListView.view.width
                width: inColumn ? ListView.view.width
                                : Math.max(Theme.touch * 3.2, nameMetrics.advanceWidth(roomName) + leftPadding + rightPadding + Theme.gap)
                height: inColumn ? Math.max(Theme.touch * 1.3, roomRow.implicitContentHeight + roomRow.topPadding + roomRow.bottomPadding)
                                 : ListView.view.height
                highlighted: Env.roomCode === roomCode
                FontMetrics {
                    id: nameMetrics
                    font.pixelSize: Theme.body
                    font.bold: true
                }
                onClicked: Env.roomCode = roomCode
                background: Rectangle {
                    radius: Theme.radius
                    color: roomRow.highlighted ? Theme.okSoft : Theme.surface
                    border.color: Theme.stateColor(roomRow.level === "none" ? "info" : roomRow.level)
                    border.width: roomRow.highlighted ? 4 : 2
                }
                contentItem: Column {
                    spacing: 2
                    Label {
                        width: parent.width
                        text: roomRow.roomName
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: Theme.ink
                        elide: Text.ElideRight
                    }
                    Label {
                        width: parent.width
                        text: roomRow.temperature === "" ? qsTr("no readings")
                              : roomRow.temperature + "  " + roomRow.humidity
                        font.pixelSize: Theme.small
                        color: Theme.stateColor(roomRow.level === "none" ? "info" : roomRow.level)
                    }
                    Label {
                        visible: roomRow.alertCount > 0
                        text: qsTr("%n open alert(s)", "", roomRow.alertCount)
                        font.pixelSize: Theme.small
                        color: Theme.error
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap / 2

            // The range buttons, then the room's allowed band (on a second line when they do not fit).
            Flow {
                Layout.fillWidth: true
                spacing: Theme.gap
                ManagerChoice {
                    namePrefix: "range"
                    current: Env.range
                    options: [{ value: "24h", text: qsTr("24 h") }, { value: "7d", text: qsTr("7 days") },
                              { value: "30d", text: qsTr("30 days") }, { value: "1y", text: qsTr("1 year") }]
                    onPicked: value => Env.range = value
                }
                FontMetrics {
                    id: bandFont
                    font.pixelSize: Theme.small
                }
                Label {
                    height: Theme.touch
                    width: Math.min(bandFont.advanceWidth(text) + Theme.gap, parent.width)
                    verticalAlignment: Text.AlignVCenter
                    text: Language.pick(dashboard.band.nameZh || "", dashboard.band.nameEn || "")
                          + (dashboard.band.tMin === undefined ? "" : "  " + dashboard.band.tMin + "–" + dashboard.band.tMax + " °C · "
                             + dashboard.band.rhMin + "–" + dashboard.band.rhMax + " %RH")
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    wrapMode: Text.Wrap
                }
                BusyIndicator {
                    running: Env.loading
                    visible: Env.loading
                    height: Theme.touch * 0.8
                    width: Theme.touch * 0.8
                }
            }
            EnvChart {
                objectName: "chartTemperature"
                Layout.fillWidth: true
                Layout.fillHeight: true
                quantity: "t"
                unit: "°C"
                title: qsTr("Temperature (mean line, min–max shaded; green = allowed, red = excursion)")
                emptyText: qsTr("No readings in this period")
                points: Env.points
                excursions: Env.excursions
                bandMin: dashboard.band.tMin === undefined ? 0 : dashboard.band.tMin
                bandMax: dashboard.band.tMax === undefined ? 0 : dashboard.band.tMax
                from: Env.chartFrom
                to: Env.chartTo
            }
            EnvChart {
                objectName: "chartHumidity"
                Layout.fillWidth: true
                Layout.fillHeight: true
                quantity: "rh"
                unit: "%RH"
                title: qsTr("Relative humidity")
                emptyText: qsTr("No readings in this period")
                points: Env.points
                excursions: Env.excursions
                bandMin: dashboard.band.rhMin === undefined ? 0 : dashboard.band.rhMin
                bandMax: dashboard.band.rhMax === undefined ? 0 : dashboard.band.rhMax
                from: Env.chartFrom
                to: Env.chartTo
            }
            // Five figures in a row; three to a row on a narrow (portrait) screen.
            GridLayout {
                Layout.fillWidth: true
                columns: dashboard.wide ? 5 : 3
                columnSpacing: Theme.gap / 2
                rowSpacing: Theme.gap / 2
                ManagerChip {
                    objectName: "chipTwpi"
                    Layout.fillWidth: true
                    caption: qsTr("TWPI (years)")
                    value: (dashboard.metrics.twpi || "—") + " · " + dashboard.bandText(dashboard.metrics.twpiBand || "")
                    band: dashboard.metrics.hasData ? dashboard.metrics.twpiBand : ""
                }
                ManagerChip {
                    Layout.fillWidth: true
                    caption: qsTr("Mould risk")
                    value: (dashboard.metrics.mouldRisk || "—") + " · " + dashboard.bandText(dashboard.metrics.mouldBand || "")
                    band: dashboard.metrics.hasData ? dashboard.metrics.mouldBand : ""
                }
                ManagerChip {
                    Layout.fillWidth: true
                    caption: qsTr("EMC % (metal corrosion)")
                    value: (dashboard.metrics.emc || "—") + " · " + dashboard.bandText(dashboard.metrics.metalBand || "")
                    band: dashboard.metrics.hasData ? dashboard.metrics.metalBand : ""
                }
                ManagerChip {
                    Layout.fillWidth: true
                    caption: qsTr("Mechanical damage")
                    value: !dashboard.metrics.hasData ? "—" : dashboard.metrics.mechanicalOk ? qsTr("safe") : qsTr("at risk")
                    band: !dashboard.metrics.hasData ? "" : dashboard.metrics.mechanicalOk ? "good" : "risk"
                }
                ManagerChip {
                    Layout.fillWidth: true
                    caption: qsTr("Mean")
                    value: (dashboard.metrics.meanT || "—") + " °C · " + (dashboard.metrics.meanRh || "—") + " %"
                }
            }
        }
    }
}
