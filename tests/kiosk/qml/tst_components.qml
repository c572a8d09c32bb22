import QtQuick
import QtTest
import Kiosk

// Components of the kiosk in isolation: sizes for touch, colours of states, the box card's fields.
Item {
    id: root
    width: 1024
    height: 600

    Component { id: tileComponent; ClimateTile {} }
    Component { id: buttonComponent; BigButton {} }
    Component { id: cardComponent; BoxCard {} }
    Component { id: bannerComponent; FeedbackBanner {} }

    TestCase {
        name: "Components"
        when: windowShown

        function test_buttonIsATouchTarget() {
            const b = createTemporaryObject(buttonComponent, root, { text: "借出" })
            verify(b !== null)
            // ≥ 9 mm at ~5 px/mm on the smallest supported screen
            verify(b.height >= 45, "button height " + b.height)
            verify(b.width >= b.height, "button width " + b.width)
        }

        function test_climateTileColours_data() {
            return [
                { tag: "ok", level: "ok", border: Theme.ok },
                { tag: "warn", level: "warn", border: Theme.warn },
                { tag: "error", level: "error", border: Theme.error },
                { tag: "none", level: "none", border: Theme.line }
            ]
        }
        function test_climateTileColours(data) {
            const t = createTemporaryObject(tileComponent, root,
                { roomName: "一号库房", temperature: "19.5 °C", humidity: "52 %RH", level: data.level })
            verify(t !== null)
            compare(Qt.colorEqual(t.border.color, data.border), true, "border of " + data.level)
        }

        function test_boxCardShowsTheBox() {
            const c = createTemporaryObject(cardComponent, root, { width: 800, box: {
                barcode: "B2020000001X", title: "2020年度林业工作总结与计划", state: "on_loan",
                stateZh: "借出", stateEn: "On loan", onLoan: true, borrowerName: "张伟", borrowerCard: "P100001",
                due: "2026-12-26", overdue: false, fonds: "J001 示范县林业局", year: 2020 } })
            verify(c !== null)
            const title = findChild(c, "boxTitle")
            compare(title.text, "2020年度林业工作总结与计划")
            const state = findChild(c, "boxState")
            compare(state.text, "借出")
            compare(c.field("borrowerName"), "张伟")
            compare(c.field("missing"), "")
        }

        function test_feedbackBannerHiddenUntilShown() {
            const b = createTemporaryObject(bannerComponent, root, { width: 800 })
            verify(b !== null)
            compare(b.visible, false)
        }
    }
}
