import QtQuick
import Kiosk

// One climate chart (temperature or humidity) drawn on a Canvas: the allowed band shaded green, excursions
// shaded red, the min–max envelope and the mean line; gaps where a bucket has no readings.
Canvas {
    id: chart

    property var points: []          // {t, tMean, tMin, tMax, rhMean, rhMin, rhMax}
    property var excursions: []      // {from, to, kind}
    property string quantity: "t"    // "t" or "rh"
    property real bandMin: 0
    property real bandMax: 0
    property real from: 0
    property real to: 1
    property string unit: "°C"
    property string title: ""
    property string emptyText: ""

    onPointsChanged: requestPaint()
    onExcursionsChanged: requestPaint()
    onBandMinChanged: requestPaint()
    onBandMaxChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()
    onTitleChanged: requestPaint()

    function valueOf(p, key: string): real {
        const v = p[chart.quantity + key]
        return v === undefined || v === null || isNaN(v) ? NaN : v
    }

    function label(ms: real): string {
        const span = chart.to - chart.from
        const d = new Date(ms)
        return span <= 2 * 86400000 ? Qt.formatTime(d, "HH:mm")
             : span <= 40 * 86400000 ? Qt.formatDate(d, "MM-dd") : Qt.formatDate(d, "yyyy-MM")
    }

    // The title in lines no wider than `room` (at spaces where there are any, else between characters).
    function titleLines(ctx, room: real): list<string> {
        const lines = []
        let line = ""
        for (const ch of chart.title) {
            const next = line + ch
            if (line !== "" && ctx.measureText(next).width > room) {
                const cut = line.lastIndexOf(" ")
                if (ch !== " " && cut > 0) {
                    lines.push(line.slice(0, cut))
                    line = line.slice(cut + 1) + ch
                } else {
                    lines.push(line)
                    line = ch === " " ? "" : ch
                }
            } else {
                line = next
            }
        }
        if (line !== "") lines.push(line)
        return lines
    }

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const w = width, h = height
        const left = Math.round(Theme.small * 3.2), right = Math.round(Theme.gap)
        ctx.font = "bold " + Theme.small + "px sans-serif"
        const lines = titleLines(ctx, w - left - right)  // a narrow (portrait) chart: the title wraps, never cut
        const top = Math.round(Theme.small * (0.6 + 1.2 * Math.max(1, lines.length)))
        const bottom = Math.round(Theme.small * 1.8)
        const pw = w - left - right, ph = h - top - bottom
        ctx.fillStyle = Theme.surface
        ctx.fillRect(0, 0, w, h)
        ctx.fillStyle = Theme.ink
        for (let i = 0; i < lines.length; ++i)
            ctx.fillText(lines[i], left, Theme.small * 1.2 * (i + 1))
        ctx.fillText(chart.unit, 2, Theme.small * 1.2)
        if (pw <= 10 || ph <= 10) return

        let lo = chart.bandMin, hi = chart.bandMax
        for (let i = 0; i < chart.points.length; ++i) {
            const a = valueOf(chart.points[i], "Min"), b = valueOf(chart.points[i], "Max")
            if (!isNaN(a)) lo = Math.min(lo, a)
            if (!isNaN(b)) hi = Math.max(hi, b)
        }
        const pad = Math.max(1, (hi - lo) * 0.1)
        lo = Math.floor(lo - pad); hi = Math.ceil(hi + pad)
        const span = Math.max(1, chart.to - chart.from)
        const x = t => left + (t - chart.from) / span * pw
        const y = v => top + (hi - v) / (hi - lo) * ph

        // excursions (red), allowed band (green)
        ctx.fillStyle = Qt.rgba(0.70, 0.15, 0.12, 0.18)
        for (let e = 0; e < chart.excursions.length; ++e) {
            const ex = chart.excursions[e]
            const mine = chart.quantity === "t" ? ex.kind.indexOf("temp") === 0 : ex.kind.indexOf("rh") === 0
            if (!mine && ex.kind !== "silence") continue
            const x0 = Math.max(left, x(ex.from)), x1 = Math.min(left + pw, x(ex.to))
            ctx.fillStyle = ex.kind === "silence" ? Qt.rgba(0.4, 0.4, 0.4, 0.18) : Qt.rgba(0.70, 0.15, 0.12, 0.2)
            ctx.fillRect(x0, top, Math.max(2, x1 - x0), ph)
        }
        ctx.fillStyle = Qt.rgba(0.12, 0.48, 0.2, 0.16)
        ctx.fillRect(left, y(chart.bandMax), pw, y(chart.bandMin) - y(chart.bandMax))
        ctx.strokeStyle = Qt.rgba(0.12, 0.48, 0.2, 0.6)
        ctx.lineWidth = 1
        ctx.beginPath()
        ctx.moveTo(left, y(chart.bandMax)); ctx.lineTo(left + pw, y(chart.bandMax))
        ctx.moveTo(left, y(chart.bandMin)); ctx.lineTo(left + pw, y(chart.bandMin))
        ctx.stroke()

        // axes and ticks
        ctx.strokeStyle = Theme.line
        ctx.fillStyle = Theme.muted
        ctx.font = Math.round(Theme.small * 0.85) + "px sans-serif"
        const steps = 4
        for (let k = 0; k <= steps; ++k) {
            const v = lo + (hi - lo) * k / steps
            ctx.beginPath(); ctx.moveTo(left, y(v)); ctx.lineTo(left + pw, y(v)); ctx.stroke()
            ctx.fillText(v.toFixed(0), 2, y(v) + Theme.small * 0.3)
        }
        const xt = Math.max(2, Math.min(6, Math.floor(pw / (Theme.small * 5))))
        for (let j = 0; j <= xt; ++j) {
            const t = chart.from + span * j / xt
            const tx = x(t)
            ctx.fillText(label(t), Math.min(tx - Theme.small, left + pw - Theme.small * 3), h - Theme.small * 0.4)
        }

        if (chart.points.length === 0) {
            ctx.fillStyle = Theme.muted
            ctx.font = Theme.body + "px sans-serif"
            ctx.fillText(chart.emptyText, left + Theme.gap, top + ph / 2)
            return
        }
        // envelope
        const gap = span / Math.max(1, chart.points.length) * 3
        ctx.fillStyle = Qt.rgba(0.12, 0.37, 0.55, 0.18)
        for (let p = 0; p < chart.points.length; ++p) {
            const pt = chart.points[p]
            const a = valueOf(pt, "Min"), b = valueOf(pt, "Max")
            if (isNaN(a) || isNaN(b)) continue
            const nx = p + 1 < chart.points.length ? x(chart.points[p + 1].t) : x(pt.t) + 2
            ctx.fillRect(x(pt.t), y(b), Math.max(1, Math.min(nx - x(pt.t), pw / 50)), Math.max(1, y(a) - y(b)))
        }
        // mean line with gaps
        ctx.strokeStyle = Theme.accent
        ctx.lineWidth = Math.max(1.5, Theme.scale * 1.5)
        ctx.beginPath()
        let pen = false, lastT = 0
        for (let q = 0; q < chart.points.length; ++q) {
            const m = valueOf(chart.points[q], "Mean")
            const t = chart.points[q].t
            if (isNaN(m)) { pen = false; continue }
            if (!pen || t - lastT > gap) ctx.moveTo(x(t), y(m))
            else ctx.lineTo(x(t), y(m))
            pen = true
            lastT = t
        }
        ctx.stroke()
    }
}
