import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Requests waiting for this approver: borrower, file, security level, purpose; approve or reject with a note.
Item {
    id: screen

    Component.onCompleted: Approvals.refresh()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("Waiting for your approval: %1").arg(Approvals.pending.count)
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.ink
            }
            BigButton {
                text: qsTr("Refresh")
                onClicked: Approvals.refresh()
            }
        }
        ListView {
            objectName: "approvalsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.gap
            model: Approvals.pending
            delegate: Rectangle {
                id: entry
                required property int requestId
                required property string requesterName
                required property string department
                required property bool external
                required property string code
                required property string title
                required property string purpose
                required property string created
                required property string security
                required property string securityZh
                required property string securityEn
                required property string modeZh
                required property string modeEn
                required property string pendingZh
                required property string pendingEn
                width: ListView.view.width
                height: column.implicitHeight + Theme.gap * 2
                radius: Theme.radius
                color: Theme.surface
                border.color: entry.security === "confidential" || entry.security === "secret" ? Theme.error : Theme.line
                border.width: 2
                ColumnLayout {
                    id: column
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    spacing: Theme.gap / 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: "#" + entry.requestId + "  " + entry.title
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: Theme.ink
                            wrapMode: Text.Wrap
                        }
                        Label {
                            text: Language.pick(entry.securityZh, entry.securityEn)
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: entry.security === "confidential" || entry.security === "secret" ? Theme.error : Theme.muted
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: entry.requesterName + " · " + (entry.external ? qsTr("external") : entry.department)
                              + " · " + Language.pick(entry.modeZh, entry.modeEn) + " · " + entry.code + " · " + entry.created
                        font.pixelSize: Theme.small
                        color: Theme.muted
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Purpose: %1").arg(entry.purpose)
                        font.pixelSize: Theme.body
                        color: Theme.ink
                        wrapMode: Text.WordWrap
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        TextField {
                            id: note
                            objectName: "note_" + entry.requestId
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.touch
                            font.pixelSize: Theme.body
                            placeholderText: qsTr("Note (required to reject)")
                        }
                        BigButton {
                            objectName: "approve_" + entry.requestId
                            text: qsTr("Approve")
                            tone: "ok"
                            enabled: !Approvals.busy
                            onClicked: Approvals.approve(entry.requestId, note.text)
                        }
                        BigButton {
                            objectName: "reject_" + entry.requestId
                            text: qsTr("Reject")
                            tone: "error"
                            enabled: !Approvals.busy
                            onClicked: Approvals.reject(entry.requestId, note.text)
                        }
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: Approvals.pending.count === 0
                text: qsTr("Nothing is waiting for you.")
                font.pixelSize: Theme.body
                color: Theme.muted
            }
        }
    }
}
