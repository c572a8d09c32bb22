import QtQuick
import QtQuick.Controls
import Kiosk

// After login: one tab per section the person's roles allow.
Item {
    id: workspace

    // The sections as tabs: a Row of TabButtons, not a TabBar. Qt 6.4's TabBar (a ListView) drew its tabs 9–46 px
    // too high (under the top bar) after the window turned from landscape to portrait.
    Rectangle {
        id: tabs
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: visible ? Theme.touch : 0
        visible: Session.sections.length > 1
        color: "#353637"
        // Each tab's share of the width is in proportion to its label; when the labels would not fit at all
        // (portrait, English) they take a smaller font.
        readonly property real needed: {
            let sum = 0
            for (const s of Session.sections)
                sum += labelMetrics.advanceWidth(Theme.sectionName(s, Language.code)) + Theme.gap * 2
            return sum
        }
        readonly property bool crowded: needed > width
        // one entry per tab: its section, label, width and font (computed here, not in the delegate)
        readonly property var cells: {
            const list = []
            for (let i = 0; i < Session.sections.length; ++i) {
                const label = Theme.sectionName(Session.sections[i], Language.code)
                list.push({ section: Session.sections[i], text: label, small: crowded, height: height,
                            width: width * (labelMetrics.advanceWidth(label) + Theme.gap * 2) / Math.max(1, needed) })
            }
            return list
        }
        FontMetrics {
            id: labelMetrics
            font.pixelSize: Theme.body
            font.bold: true
        }
        Row {
            anchors.fill: parent
            Repeater {
                model: tabs.cells
                delegate: TabButton {
                    required property var modelData
                    objectName: "tab_" + modelData.section
                    width: modelData.width
                    height: modelData.height
                    checkable: false
                    checked: Session.section === modelData.section
                    text: modelData.text
                    font.pixelSize: modelData.small ? Theme.small : Theme.body
                    font.bold: Session.section === modelData.section
                    onClicked: Session.section = modelData.section
                }
            }
        }
    }
    Loader {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: tabs.bottom
        anchors.bottom: parent.bottom
        sourceComponent: Session.section === "staff" ? staff : Session.section === "borrower" ? borrower
                       : Session.section === "approver" ? approver : Session.section === "manager" ? manager
                       : Session.section === "admin" ? admin : null
    }
    Component { id: staff; StaffScreen {} }
    Component { id: borrower; BorrowerScreen {} }
    Component { id: approver; ApproverScreen {} }
    Component { id: manager; ManagerScreen {} }
    Component { id: admin; AdminScreen {} }
}
