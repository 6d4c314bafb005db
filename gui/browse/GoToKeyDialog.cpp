#include "browse/GoToKeyDialog.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

#include "common/Display.h"
#include "index/Index.h"

namespace hivekit::gui {

namespace {

/// The key `text` names, read as Go to Key reads it (HiveView::goToPath).
std::optional<uint32_t> keyNamed(const Hive& hive, const QString& text) {
    if (text.isEmpty()) return hive.rootOffset();
    const Index index(hive);
    for (const std::string& reading : hiveRelativeReadings(text.toStdString())) {
        auto chain = index.findKeyChain(reading, RootNameInPath::Allowed);
        if (chain) return chain->empty() ? hive.rootOffset() : chain->back();
    }
    return std::nullopt;
}

}  // namespace

QStringList GoToKeyDialog::completionsFor(const Hive& hive, const QString& typed, const QStringList& roots) {
    const qsizetype slash = typed.lastIndexOf(QLatin1Char('\\'));
    const QString parentText = slash < 0 ? QString() : typed.left(slash);
    QStringList out;
    const auto parent = keyNamed(hive, parentText);
    if (parent) {
        if (auto key = hive.keyNode(*parent)) {
            const QString prefix = slash < 0 ? QString() : parentText + QLatin1Char('\\');
            const std::vector<uint32_t> children = hive.subkeys(*key);
            out.reserve(static_cast<qsizetype>(children.size()) + roots.size());
            for (uint32_t child : children) {
                if (auto node = hive.keyNode(child)) out << prefix + toQString(node->nameUtf8());
            }
        }
    }
    if (slash < 0) out << roots;
    std::sort(out.begin(), out.end(),
              [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return out;
}

GoToKeyDialog::GoToKeyDialog(std::shared_ptr<const Hive> hive, const QStringList& roots, QWidget* parent)
    : QDialog(parent), hive_(std::move(hive)), roots_(roots), edit_(new QLineEdit(this)),
      completer_(new QCompleter(this)), model_(new QStringListModel(this)) {
    setWindowTitle(tr("Go to Key"));
    auto* label = new QLabel(tr("Key path (from the hive's root, or as regedit shows it: "
                                "HKEY_LOCAL_MACHINE\\SYSTEM\\…, HKLM\\…):"),
                             this);
    label->setWordWrap(true);
    label->setBuddy(edit_);
    completer_->setModel(model_);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setModelSorting(QCompleter::CaseInsensitivelySortedModel);
    completer_->setCompletionMode(QCompleter::PopupCompletion);
    completer_->setMaxVisibleItems(15);
    edit_->setCompleter(completer_);
    edit_->setClearButtonEnabled(true);
    // The list follows the key typed so far: refilled when the text before
    // the last backslash changes, not on every character.
    connect(edit_, &QLineEdit::textChanged, this, &GoToKeyDialog::updateCompletions);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(edit_);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    updateCompletions(QString());
}

QString GoToKeyDialog::path() const { return edit_->text(); }

void GoToKeyDialog::setPath(const QString& path) {
    edit_->setText(path);
    edit_->selectAll();
}

void GoToKeyDialog::updateCompletions(const QString& text) {
    if (!hive_) return;
    const qsizetype slash = text.lastIndexOf(QLatin1Char('\\'));
    const QString parent = slash < 0 ? QStringLiteral("\n") : text.left(slash + 1).toUpper();
    if (parent == filledFor_) return;
    filledFor_ = parent;
    model_->setStringList(completionsFor(*hive_, text, roots_));
}

}  // namespace hivekit::gui
