import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Manager › loans: loans and returns per month (12 months), usage per category, and the overdue list with
// the borrower's department and phone (to send a reminder).
Item {
    id: panel

    // Two columns side by side; one under the other on a portrait screen.
    GridLayout {
        anchors.fill: parent
        columns: panel.width > panel.height ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label {
                text: qsTr("Loans per month")
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.ink
            }
            ListView {
                objectName: "monthBars"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch * 2
                Layout.preferredHeight: Theme.touch * 2.4
                orientation: ListView.Horizontal
                interactive: false
                spacing: 2
                model: Stats.months
                delegate: Item {
                        id: bar
                        required property string month
                        required property int loans
                        required property int returns
                        width: ListView.view.width / 12 - 2
                        height: ListView.view.height
                        Rectangle {
                            anchors.bottom: monthLabel.top
                            anchors.left: parent.left
                            width: parent.width / 2
                            height: (parent.height - monthLabel.height - countLabel.height) * bar.loans / Stats.monthMax
                            color: Theme.accent
                        }
                        Rectangle {
                            anchors.bottom: monthLabel.top
                            anchors.right: parent.right
                            width: parent.width / 2
                            height: (parent.height - monthLabel.height - countLabel.height) * bar.returns / Stats.monthMax
                            color: Theme.ok
                        }
                        Label {
                            id: countLabel
                            anchors.top: parent.top
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: bar.loans
                            font.pixelSize: Theme.small * 0.8
                            color: Theme.ink
                        }
                        Label {
                            id: monthLabel
                            anchors.bottom: parent.bottom
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: bar.month.substring(5)
                            font.pixelSize: Theme.small * 0.8
                            color: Theme.muted
                        }
                    }
            }
            Label {
                text: "<font color='" + Theme.accent + "'>■</font> " + qsTr("loans") + "   <font color='" + Theme.ok + "'>■</font> " + qsTr("returns")
                textFormat: Text.StyledText
                font.pixelSize: Theme.small
                color: Theme.muted
            }
            Label {
                text: qsTr("Use per category (12 months)")
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.ink
            }
            StatsTableHeader {
                Layout.fillWidth: true
                columns: [qsTr("Category"), qsTr("Loans"), qsTr("Borrowers"), qsTr("On-site")]
            }
            ListView {
                objectName: "usageList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Stats.usage
                delegate: StatsTableRow {
                    required property string category
                    required property int loans
                    required property int borrowers
                    required property int onSite
                    width: ListView.view.width
                    cells: [category, loans, borrowers, onSite]
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label {
                text: qsTr("Overdue: %1").arg(Stats.overdue.count)
                font.pixelSize: Theme.body
                font.bold: true
                color: Stats.overdue.count > 0 ? Theme.error : Theme.ink
            }
            ListView {
                objectName: "overdueList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: Stats.overdue
                delegate: Rectangle {
                    id: loan
                    required property string boxBarcode
                    required property string title
                    required property string borrowerName
                    required property string department
                    required property string phone
                    required property string due
                    required property int daysOverdue
                    width: ListView.view.width
                    height: loanCol.implicitHeight + Theme.gap
                    color: Theme.surface
                    border.color: Theme.errorSoft
                    border.width: 2
                    radius: Theme.radius / 2
                    Column {
                        id: loanCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        Label {
                            width: parent.width
                            text: loan.borrowerName + " · " + loan.department + " · ☎ " + (loan.phone || "—")
                            font.pixelSize: Theme.small
                            font.bold: true
                            color: Theme.ink
                            wrapMode: Text.Wrap
                        }
                        Label {
                            width: parent.width
                            text: qsTr("%n day(s) overdue · due %1 · %2 %3", "", loan.daysOverdue)
                                  .arg(loan.due).arg(loan.boxBarcode).arg(loan.title)
                            font.pixelSize: Theme.small
                            color: Theme.error
                            wrapMode: Text.Wrap
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: Stats.overdue.count === 0
                    text: qsTr("Nothing is overdue.")
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
            }
        }
    }
}
