import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Self-service for the person logged in: search the catalogue and request, my loans (renew), my requests.
Item {
    id: screen

    property int page: 0

    // A search hit's security level, on-site-only and availability, beside its title or (narrow) under it.
    component HitStates: Row {
        id: hitStates
        property string security
        property string securityText
        property bool siteOnly
        property bool available
        spacing: Theme.gap
        Label {
            visible: hitStates.security === "secret" || hitStates.security === "confidential"
            text: hitStates.securityText
            font.pixelSize: Theme.small
            font.bold: true
            color: Theme.error
        }
        Label {
            visible: hitStates.siteOnly
            text: qsTr("On site only")
            font.pixelSize: Theme.small
            color: Theme.warn
            font.bold: true
        }
        Label {
            text: hitStates.available ? qsTr("Available") : qsTr("Not available")
            font.pixelSize: Theme.small
            font.bold: true
            color: hitStates.available ? Theme.ok : Theme.muted
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            BigButton {
                objectName: "searchPage"
                text: qsTr("Search")
                highlighted: screen.page === 0
                onClicked: screen.page = 0
            }
            BigButton {
                objectName: "loansPage"
                text: qsTr("My loans (%1)").arg(Borrower.loans.count)
                highlighted: screen.page === 1
                onClicked: { screen.page = 1; Borrower.refresh() }
            }
            BigButton {
                objectName: "requestsPage"
                text: qsTr("My requests (%1)").arg(Borrower.requests.count)
                highlighted: screen.page === 2
                onClicked: { screen.page = 2; Borrower.refresh() }
            }
            Item { Layout.fillWidth: true }
        }

        Label {
            Layout.fillWidth: true
            visible: Session.overdueCount > 0
            text: qsTr("You have %n overdue loan(s). Please return them; new loans are blocked until then.", "", Session.overdueCount)
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.error
            wrapMode: Text.WordWrap
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: screen.page

            // Search
            ColumnLayout {
                spacing: Theme.gap
                // The field and its two buttons in a row; on a narrow (portrait) screen the buttons go below it.
                GridLayout {
                    id: searchRow
                    readonly property bool narrow: screen.width < Theme.touch * 12
                    Layout.fillWidth: true
                    columns: narrow ? 2 : 3
                    columnSpacing: Theme.gap
                    rowSpacing: Theme.gap
                    TextField {
                        id: query
                        objectName: "searchField"
                        Layout.fillWidth: true
                        Layout.columnSpan: searchRow.narrow ? 2 : 1
                        Layout.preferredHeight: Theme.touch
                        font.pixelSize: Theme.body
                        placeholderText: qsTr("Title, archival code, fonds or year")
                        onAccepted: Borrower.search(text)
                        // A touch on the field opens the on-screen keyboard unless a physical one is in use.
                        onPressed: searchKeys.wanted = !searchKeys.physicalSeen
                        onActiveFocusChanged: if (activeFocus && !searchKeys.physicalSeen) searchKeys.wanted = true
                        // Printable keys reaching the field come from a physical keyboard (scans never do: the
                        // wedge filter consumes them; the on-screen keyboard inserts text without key events).
                        Keys.onPressed: (event) => {
                            if (event.text.length > 0 && event.text >= " " && !(event.modifiers & Qt.ControlModifier)) {
                                searchKeys.physicalSeen = true
                                searchKeys.wanted = false
                            }
                            event.accepted = false
                        }
                    }
                    BigButton {
                        objectName: "keyboardButton"
                        Layout.fillWidth: searchRow.narrow
                        text: searchKeys.visible ? qsTr("Keyboard ▾") : qsTr("Keyboard ▴")
                        highlighted: searchKeys.visible
                        focusPolicy: Qt.NoFocus
                        onClicked: {
                            searchKeys.wanted = !searchKeys.visible
                            if (searchKeys.wanted) query.forceActiveFocus()
                        }
                    }
                    BigButton {
                        objectName: "searchButton"
                        Layout.fillWidth: searchRow.narrow
                        text: qsTr("Search")
                        highlighted: true
                        onClicked: {
                            searchKeys.commitComposition()
                            searchKeys.wanted = false
                            Borrower.search(query.text)
                        }
                    }
                }
                KioskKeyboard {
                    id: searchKeys
                    objectName: "searchKeyboard"
                    property bool wanted: false
                    // a person's keyboard found at start or plugged in (Borrower.physicalKeyboard), or one typed on
                    property bool physicalSeen: Borrower.physicalKeyboard
                    Layout.fillWidth: true
                    // ten full-size keys to a row need the whole window width in portrait (edge to edge)
                    Layout.leftMargin: narrow ? -Theme.gap : 0
                    Layout.rightMargin: narrow ? -Theme.gap : 0
                    Layout.preferredHeight: implicitHeight
                    visible: wanted && screen.page === 0
                    target: query
                    onAccepted: {
                        wanted = false
                        Borrower.search(query.text)
                    }
                    onHideRequested: wanted = false
                }
                Label {
                    visible: Borrower.query !== "" && Borrower.results.count === 0 && !Borrower.busy
                    text: qsTr("Nothing found for “%1”.").arg(Borrower.query)
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
                ListView {
                    objectName: "resultsList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.gap / 2
                    model: Borrower.results
                    delegate: Rectangle {
                        id: hit
                        required property string code
                        required property string title
                        required property int year
                        required property string fonds
                        required property string category
                        required property bool available
                        required property bool onSiteOnly
                        required property string securityZh
                        required property string securityEn
                        required property string security
                        // narrow (portrait): security, on-site and availability go under the title
                        readonly property bool narrow: width < Theme.touch * 12
                        width: ListView.view.width
                        height: Math.max(Theme.touch + Theme.gap, hitColumn.implicitHeight + Theme.gap)
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.line
                        RowLayout {
                            anchors.fill: parent
                            anchors.margins: Theme.gap / 2
                            spacing: Theme.gap
                            ColumnLayout {
                                id: hitColumn
                                Layout.fillWidth: true
                                spacing: 2
                                Label {
                                    // a long title takes two lines; the full one is in the request dialog
                                    property bool mayElide: true
                                    Layout.fillWidth: true
                                    text: hit.title
                                    font.pixelSize: Theme.body
                                    font.bold: true
                                    color: Theme.ink
                                    wrapMode: Text.Wrap
                                    maximumLineCount: 2
                                    elide: Text.ElideRight
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: hit.code + " · " + hit.year + " · " + hit.fonds + " · " + hit.category
                                    font.pixelSize: Theme.small
                                    color: Theme.muted
                                    wrapMode: Text.Wrap
                                }
                                HitStates {
                                    visible: hit.narrow
                                    security: hit.security
                                    securityText: Language.pick(hit.securityZh, hit.securityEn)
                                    siteOnly: hit.onSiteOnly
                                    available: hit.available
                                }
                            }
                            HitStates {
                                visible: !hit.narrow
                                security: hit.security
                                securityText: Language.pick(hit.securityZh, hit.securityEn)
                                siteOnly: hit.onSiteOnly
                                available: hit.available
                            }
                            BigButton {
                                objectName: "request_" + hit.code
                                text: qsTr("Request")
                                onClicked: Theme.openRequest(hit.code, hit.title, hit.onSiteOnly)
                            }
                        }
                    }
                }
            }

            // My loans
            ListView {
                objectName: "loansList"
                clip: true
                spacing: Theme.gap / 2
                model: Borrower.loans
                delegate: Rectangle {
                    id: loan
                    required property string code
                    required property string title
                    required property string due
                    required property bool overdue
                    required property bool canRenew
                    // narrow (portrait): the due date goes under the title
                    readonly property bool narrow: width < Theme.touch * 12
                    readonly property string dueText: (loan.overdue ? qsTr("Overdue since %1") : qsTr("Due %1")).arg(loan.due)
                    width: ListView.view.width
                    height: Math.max(Theme.touch, loanColumn.implicitHeight) + Theme.gap
                    radius: Theme.radius
                    color: loan.overdue ? Theme.errorSoft : Theme.surface
                    border.color: Theme.line
                    RowLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        spacing: Theme.gap
                        ColumnLayout {
                            id: loanColumn
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: loan.title + "  (" + loan.code + ")"
                                font.pixelSize: Theme.body
                                color: Theme.ink
                                wrapMode: Text.Wrap
                            }
                            Label {
                                visible: loan.narrow
                                text: loan.dueText
                                font.pixelSize: Theme.body
                                font.bold: loan.overdue
                                color: loan.overdue ? Theme.error : Theme.ink
                            }
                        }
                        Label {
                            visible: !loan.narrow
                            text: loan.dueText
                            font.pixelSize: Theme.body
                            font.bold: loan.overdue
                            color: loan.overdue ? Theme.error : Theme.ink
                        }
                        BigButton {
                            text: qsTr("Renew")
                            enabled: loan.canRenew && !loan.overdue
                            onClicked: Borrower.renew(loan.code)
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: Borrower.loans.count === 0
                    text: qsTr("You have nothing on loan.")
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
            }

            // My requests
            ListView {
                objectName: "requestsList"
                clip: true
                spacing: Theme.gap / 2
                model: Borrower.requests
                delegate: Rectangle {
                    id: req
                    required property int requestId
                    required property string code
                    required property string title
                    required property string state
                    required property string stateZh
                    required property string stateEn
                    required property string pendingZh
                    required property string pendingEn
                    required property string modeZh
                    required property string modeEn
                    required property string created
                    required property string note
                    width: ListView.view.width
                    height: Math.max(Theme.touch, reqColumn.implicitHeight) + Theme.gap
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.line
                    RowLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        spacing: Theme.gap
                        ColumnLayout {
                            id: reqColumn
                            Layout.fillWidth: true
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: "#" + req.requestId + "  " + req.title
                                font.pixelSize: Theme.body
                                color: Theme.ink
                                wrapMode: Text.Wrap
                            }
                            Label {
                                Layout.fillWidth: true
                                text: req.created + " · " + Language.pick(req.modeZh, req.modeEn)
                                      + (req.state === "pending" ? " · " + qsTr("waiting for: %1").arg(Language.pick(req.pendingZh, req.pendingEn)) : "")
                                      + (req.note !== "" ? " · " + req.note : "")
                                font.pixelSize: Theme.small
                                color: Theme.muted
                                wrapMode: Text.Wrap
                            }
                        }
                        Label {
                            text: Language.pick(req.stateZh, req.stateEn)
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: req.state === "approved" ? Theme.ok : req.state === "rejected" ? Theme.error
                                 : req.state === "pending" ? Theme.warn : Theme.muted
                        }
                        BigButton {
                            visible: req.state === "pending" || req.state === "approved"
                            text: qsTr("Cancel")
                            onClicked: Borrower.cancelRequest(req.requestId)
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: Borrower.requests.count === 0
                    text: qsTr("You have no requests.")
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
            }
        }
    }

    RequestDialog {
        id: requestDialog
    }
}
