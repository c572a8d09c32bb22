import QtQuick
import QtQuick.Layouts
import Kiosk

// Manager: environment (rooms, charts, preservation figures), alerts with acknowledgement, holdings, loans and
// overdue, exports and the ledger check. Data come from the Env and Stats controllers (db worker).
Item {
    id: screen

    property string page: "env"

    Component.onCompleted: { Env.refresh(); Stats.refresh() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap / 2

        ManagerChoice {
            Layout.fillWidth: true
            namePrefix: "managerPage"
            current: screen.page
            options: [{ value: "env", text: qsTr("Climate") }, { value: "alerts", text: qsTr("Alerts") },
                      { value: "holdings", text: qsTr("Holdings") }, { value: "loans", text: qsTr("Loans & overdue") },
                      { value: "export", text: qsTr("Export & ledger") }]
            onPicked: value => screen.page = value
        }
        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: screen.page === "alerts" ? 1 : screen.page === "holdings" ? 2 : screen.page === "loans" ? 3
                        : screen.page === "export" ? 4 : 0
            EnvDashboard { objectName: "managerEnv" }
            EnvAlertsPanel { objectName: "managerAlerts" }
            StatsHoldingsPanel { objectName: "managerHoldings" }
            StatsLoansPanel { objectName: "managerLoans" }
            ManagerExportPanel { objectName: "managerExport" }
        }
    }
}
