#include "PinyinEngine.h"

#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <pinyinime.h>

#ifndef ARCHIVE_PINYIN_DICT_DEFAULT
#define ARCHIVE_PINYIN_DICT_DEFAULT "/usr/lib/x86_64-linux-gnu/googlepinyin/data/dict_pinyin.dat"
#endif

namespace archive::kiosk {

namespace {

// The C library's decoder is one per process: who opened it, and which engine's state it holds now.
struct Decoder {
    QMutex mutex;
    bool open = false;
    int users = 0;
    const PinyinEngine* owner = nullptr;
};

Decoder& decoder() {
    static Decoder d;
    return d;
}

QString fromChar16(const ime_pinyin::char16* s) {
    if (!s) return {};
    return QString::fromUtf16(reinterpret_cast<const char16_t*>(s));
}

constexpr size_t kCandidateBuffer = 64;

}  // namespace

PinyinEngine::PinyinEngine(QObject* parent) : QObject(parent) {
    QMutexLocker lock(&decoder().mutex);
    ++decoder().users;
}

PinyinEngine::~PinyinEngine() {
    QMutexLocker lock(&decoder().mutex);
    Decoder& d = decoder();
    if (d.owner == this) d.owner = nullptr;
    if (--d.users == 0 && d.open) {
        ime_pinyin::im_close_decoder();
        d.open = false;
    }
}

QString PinyinEngine::defaultDictionaryPath() {
    const QString env = qEnvironmentVariable("ARCHIVE_PINYIN_DICT");
    return env.isEmpty() ? QStringLiteral(ARCHIVE_PINYIN_DICT_DEFAULT) : env;
}

Status PinyinEngine::open(const QString& path) {
    m_tried = true;
    const QString file = path.isEmpty() ? defaultDictionaryPath() : path;
    {
        QMutexLocker lock(&decoder().mutex);
        Decoder& d = decoder();
        if (!d.open) {
            if (!QFileInfo(file).isReadable()) {
                m_error = makeError(QStringLiteral("pinyin_dictionary"),
                                    QStringLiteral("拼音词库未找到，暂时只能输入字母和数字。请管理员安装 libgooglepinyin0 软件包（运行 ./run 会自动安装）。"),
                                    QStringLiteral("The pinyin dictionary is missing, so only letters and digits can be typed for now. "
                                                   "Ask the administrator to install the libgooglepinyin0 package (./run installs it)."),
                                    file);
            } else if (!ime_pinyin::im_open_decoder(QFile::encodeName(file).constData(), "")) {
                // "" = no user dictionary: the kiosk does not learn (and later offer) what borrowers typed.
                m_error = makeError(QStringLiteral("pinyin_dictionary"),
                                    QStringLiteral("拼音词库无法打开，暂时只能输入字母和数字。请管理员重新安装 libgooglepinyin0 软件包。"),
                                    QStringLiteral("The pinyin dictionary cannot be opened, so only letters and digits can be typed for now. "
                                                   "Ask the administrator to reinstall the libgooglepinyin0 package."),
                                    file);
            } else {
                d.open = true;
                d.owner = nullptr;
            }
        }
        m_available = d.open;
    }
    if (m_available) m_error = Error{};
    emit availableChanged();
    if (!m_available) return m_error;
    return okStatus();
}

void PinyinEngine::setPageSize(int n) {
    n = qBound(1, n, 200);
    if (n == m_pageSize) return;
    m_pageSize = n;
    emit pageSizeChanged();
}

void PinyinEngine::sync() {
    Decoder& d = decoder();
    if (d.owner == this) return;
    ime_pinyin::im_reset_search();
    if (!m_spelling.isEmpty()) {
        const QByteArray sps = m_spelling.toLatin1();
        m_total = int(ime_pinyin::im_search(sps.constData(), size_t(sps.size())));
        for (int id : m_chosen) m_total = int(ime_pinyin::im_choose(size_t(id)));
    }
    d.owner = this;
}

bool PinyinEngine::typeLetter(const QString& letter) {
    if (!m_tried) (void)open();
    if (!m_available || letter.size() != 1) return false;
    const QChar c = letter.at(0).toLower();
    const bool separator = c == QLatin1Char('\'');
    if (!separator && (c < QLatin1Char('a') || c > QLatin1Char('z'))) return false;
    if (separator && (m_spelling.isEmpty() || m_spelling.endsWith(QLatin1Char('\'')))) return false;
    if (m_spelling.size() >= kMaxLetters) return false;
    m_predicting = false;
    m_spelling += c;
    research();
    return true;
}

void PinyinEngine::backspace() {
    if (m_predicting) {
        reset();
        return;
    }
    if (m_spelling.isEmpty()) return;
    if (!m_chosen.empty()) {
        QMutexLocker lock(&decoder().mutex);
        sync();
        m_chosen.pop_back();
        m_total = int(ime_pinyin::im_cancel_last_choice());
        lock.unlock();
        refresh();
        return;
    }
    m_spelling.chop(1);
    if (m_spelling.isEmpty()) {
        reset();
        return;
    }
    research();
}

void PinyinEngine::research() {
    {
        QMutexLocker lock(&decoder().mutex);
        // A changed spelling drops partial choices (they were made for the old one): replay from scratch.
        if (!m_chosen.empty()) {
            m_chosen.clear();
            decoder().owner = nullptr;
        }
        if (decoder().owner != this) {
            sync();
        } else {
            const QByteArray sps = m_spelling.toLatin1();
            m_total = int(ime_pinyin::im_search(sps.constData(), size_t(sps.size())));  // incremental on the common prefix
        }
    }
    refresh();
}

void PinyinEngine::refresh() {
    m_candidates.clear();
    m_ids.clear();
    m_nextId = 0;
    {
        QMutexLocker lock(&decoder().mutex);
        sync();
        m_fixed = int(ime_pinyin::im_get_fixed_len());
        // preedit: the Chinese fixed so far, then the open syllables as the engine split them (dang'an)
        const ime_pinyin::uint16* starts = nullptr;
        const size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
        ime_pinyin::char16 buf[kCandidateBuffer];
        const QString fixedText = m_total > 0 && m_fixed > 0
            ? fromChar16(ime_pinyin::im_get_candidate(0, buf, kCandidateBuffer - 1)).left(m_fixed) : QString();
        QStringList parts;
        int end = 0;
        if (starts && syllables > 0) {
            for (size_t i = size_t(m_fixed); i < syllables; ++i)
                parts << m_spelling.mid(starts[i], starts[i + 1] - starts[i]).remove(QLatin1Char('\''));
            end = starts[syllables];
        }
        const QString tail = m_spelling.mid(end).remove(QLatin1Char('\''));
        if (!tail.isEmpty()) parts << tail;
        m_preedit = fixedText + parts.join(QLatin1Char('\''));
    }
    fetch(m_pageSize);
}

void PinyinEngine::fetch(int upTo) {
    {
        QMutexLocker lock(&decoder().mutex);
        sync();
        ime_pinyin::char16 buf[kCandidateBuffer];
        while (m_nextId < m_total && int(m_candidates.size()) < upTo) {
            QString s = fromChar16(ime_pinyin::im_get_candidate(size_t(m_nextId), buf, kCandidateBuffer - 1));
            if (m_nextId == 0) s = s.mid(m_fixed);  // the sentence candidate repeats the fixed part
            if (!s.isEmpty() && !m_candidates.contains(s)) {
                m_candidates << s;
                m_ids.push_back(m_nextId);
            }
            ++m_nextId;
        }
    }
    emit changed();
}

void PinyinEngine::loadMore() {
    if (!hasMore()) return;
    fetch(int(m_candidates.size()) + m_pageSize);
}

QString PinyinEngine::choose(int index) {
    if (index < 0 || index >= m_candidates.size()) return {};
    if (m_predicting) {
        const QString text = m_candidates.at(index);
        predictAfter(text);
        return text;
    }
    QMutexLocker lock(&decoder().mutex);
    sync();
    const int id = m_ids.at(size_t(index));
    m_total = int(ime_pinyin::im_choose(size_t(id)));
    m_chosen.push_back(id);
    const ime_pinyin::uint16* starts = nullptr;
    const size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    const bool complete = ime_pinyin::im_get_fixed_len() >= syllables;
    lock.unlock();
    if (complete) return finish();
    refresh();
    return {};
}

QString PinyinEngine::finish() {
    QString text;
    {
        QMutexLocker lock(&decoder().mutex);
        sync();
        ime_pinyin::char16 buf[kCandidateBuffer];
        text = fromChar16(ime_pinyin::im_get_candidate(0, buf, kCandidateBuffer - 1));
        size_t decoded = 0;
        ime_pinyin::im_get_sps_str(&decoded);
        text += m_spelling.mid(int(decoded)).remove(QLatin1Char('\''));  // letters the engine could not read stay letters
        ime_pinyin::im_reset_search();
        decoder().owner = nullptr;
    }
    m_spelling.clear();
    m_chosen.clear();
    predictAfter(text);
    return text;
}

void PinyinEngine::predictAfter(const QString& committed) {
    m_spelling.clear();
    m_chosen.clear();
    m_preedit.clear();
    m_candidates.clear();
    m_ids.clear();
    m_fixed = 0;
    m_total = 0;
    m_nextId = 0;
    m_predicting = false;
    QString history = committed.right(ime_pinyin::kMaxPredictSize);
    if (m_available && !history.isEmpty() && history.at(history.size() - 1).unicode() >= 0x3400) {
        QMutexLocker lock(&decoder().mutex);
        std::vector<ime_pinyin::char16> his(size_t(history.size()) + 1, 0);
        for (int i = 0; i < history.size(); ++i) his[size_t(i)] = history.at(i).unicode();
        ime_pinyin::char16 (*predicts)[ime_pinyin::kMaxPredictSize + 1] = nullptr;
        const size_t n = ime_pinyin::im_get_predicts(his.data(), predicts);
        for (size_t i = 0; predicts && i < n && int(i) < m_pageSize; ++i) {
            const QString s = fromChar16(predicts[i]);
            if (!s.isEmpty() && !m_candidates.contains(s)) m_candidates << s;
        }
        decoder().owner = nullptr;
        m_predicting = !m_candidates.isEmpty();
        m_total = int(m_candidates.size());
    }
    emit changed();
}

QString PinyinEngine::takeSpelling() {
    const QString letters = m_predicting ? QString() : QString(m_spelling).remove(QLatin1Char('\''));
    reset();
    return letters;
}

void PinyinEngine::reset() {
    const bool was = composing() || m_predicting || !m_candidates.isEmpty();
    m_spelling.clear();
    m_chosen.clear();
    m_ids.clear();
    m_candidates.clear();
    m_preedit.clear();
    m_fixed = 0;
    m_total = 0;
    m_nextId = 0;
    m_predicting = false;
    {
        QMutexLocker lock(&decoder().mutex);
        if (decoder().owner == this) {
            if (decoder().open) ime_pinyin::im_reset_search();
            decoder().owner = nullptr;
        }
    }
    if (was) emit changed();
}

}  // namespace archive::kiosk
