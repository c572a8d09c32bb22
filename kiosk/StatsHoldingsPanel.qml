import QtQuick
import QtQuick.Layouts
import Kiosk

// Manager › holdings: totals, then boxes / items / on loan / missing grouped by fonds, category, year or room.
Item {
    id: panel

    readonly property var totals: Stats.totals

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap / 2

        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap / 2
            ManagerChip { caption: qsTr("Boxes"); value: String(panel.totals.boxes ?? "—") }
            ManagerChip { caption: qsTr("Items"); value: String(panel.totals.items ?? "—") }
            ManagerChip { caption: qsTr("On loan"); value: String(panel.totals.openLoans ?? "—") }
            ManagerChip {
                caption: qsTr("Overdue")
                value: String(panel.totals.overdue ?? "—")
                band: (panel.totals.overdue ?? 0) > 0 ? "risk" : "good"
            }
            ManagerChip { caption: qsTr("Loans in 12 months"); value: String(panel.totals.loansYear ?? "—") }
            ManagerChip { caption: qsTr("Borrowers in 12 months"); value: String(panel.totals.borrowersYear ?? "—") }
        }
        ManagerChoice {
            namePrefix: "groupBy"
            current: Stats.groupBy
            options: [{ value: "fonds", text: qsTr("By fonds") }, { value: "category", text: qsTr("By category") },
                      { value: "year", text: qsTr("By year") }, { value: "room", text: qsTr("By room") }]
            onPicked: value => Stats.groupBy = value
        }
        StatsTableHeader {
            Layout.fillWidth: true
            columns: [qsTr("Group"), qsTr("Boxes"), qsTr("Items"), qsTr("On loan"), qsTr("Missing")]
        }
        ListView {
            objectName: "holdingsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Stats.holdings
            delegate: StatsTableRow {
                required property string key
                required property string label
                required property int boxes
                required property int items
                required property int onLoan
                required property int missing
                width: ListView.view.width
                cells: [key === label ? label : key + " " + label, boxes, items, onLoan, missing]
                alert: missing > 0
            }
        }
    }
}
