// The only file that calls gumbo. See gumbo_guard.hpp and cpp/docs/gumbo-guard.md.
//
// Rules for the guarded region (between setjmp in run_gumbo and gumbo's
// return): only gumbo's C frames and run_gumbo itself live there, and
// run_gumbo holds nothing with a destructor, so a longjmp out of an
// assertion or the allocator skips no C++ cleanup. Everything gumbo
// allocated is in the arena, which the caller frees either way.
#include "html/gumbo_guard.hpp"

#include <gumbo.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/ascii.hpp"
#include "html/cuts.hpp"

namespace {

// Why a guarded parse stopped early.
enum GuardCode : int { guard_ok = 0, guard_assertion = 1, guard_budget = 2, guard_out_of_memory = 3 };

struct Guard {
    std::jmp_buf jump;
    int code;
    const char* assertion;
    const char* file;
    unsigned line;
};

thread_local Guard* t_guard = nullptr;

}  // namespace

extern "C" {

// glibc's (declared here because <assert.h> hides it under NDEBUG).
[[noreturn]] void __assert_fail(const char* assertion, const char* file, unsigned line, const char* function) noexcept;

// The real __assert_fail (the linker resolves __real_ to it under --wrap).
[[noreturn]] void __real___assert_fail(const char* assertion, const char* file, unsigned line, const char* function);

// Every __assert_fail call in the link (gumbo's included) lands here.
[[noreturn]] void __wrap___assert_fail(const char* assertion, const char* file, unsigned line, const char* function) {
    Guard* guard = t_guard;
    if (guard != nullptr) {
        t_guard = nullptr;
        guard->code = guard_assertion;
        guard->assertion = assertion;
        guard->file = file;
        guard->line = line;
        std::longjmp(guard->jump, 1);
    }
    __real___assert_fail(assertion, file, line, function);
}

}  // extern "C"

namespace inboxlint::html {
namespace {

// gumbo makes a malloc call for every node, vector, tag name and attribute
// string: half a million for a megabyte of dense HTML. With a list node each
// (to free them all when a parse is abandoned) the headers weighed more than
// gumbo's data. Small blocks therefore come from 64 KB chunks with an 8-byte
// size word in front and a free list per size, so that gumbo's frees are
// reused; large blocks are malloc'ed and linked. Destroying the arena frees
// both. Nothing here may throw: it runs under gumbo's C frames.
constexpr std::size_t word = sizeof(std::size_t);  // alignment of every block (gumbo stores pointers and ints)
constexpr std::size_t small_max = 256;             // larger blocks are malloc'ed one by one
constexpr std::size_t chunk_size = 64 * 1024;

struct Large {
    Large* prev;
    Large* next;
    std::size_t size;  // the size word, right before the payload as in small blocks
};

struct Chunk {
    Chunk* next;
    std::size_t pad;  // keeps the first block's payload aligned like malloc's
};

// Chunks of finished parses, kept for the next parse on the same thread.
// A document parses its Outlook conditional comments one by one, dozens of
// them; taking each one's chunk from malloc and giving it back made glibc
// consolidate its free lists (and trim the heap) every time, for a block
// of 64 KB. A few chunks per thread are kept; the rest are freed.
class SpareChunks {
public:
    SpareChunks() = default;
    SpareChunks(const SpareChunks&) = delete;
    SpareChunks& operator=(const SpareChunks&) = delete;
    ~SpareChunks() {
        while (Chunk* c = take()) std::free(c);
    }

    Chunk* take() noexcept {
        Chunk* c = first_;
        if (c != nullptr) {
            first_ = c->next;
            --count_;
        }
        return c;
    }
    // False when enough are kept: the caller frees it.
    bool keep(Chunk* c) noexcept {
        if (count_ == max_kept) return false;
        c->next = first_;
        first_ = c;
        ++count_;
        return true;
    }

private:
    static constexpr std::size_t max_kept = 4;  // 256 KB per thread at most
    Chunk* first_ = nullptr;
    std::size_t count_ = 0;
};

thread_local SpareChunks t_spare_chunks;

class Arena {
public:
    std::size_t allocated = 0;  // in total, frees not deducted: bounds gumbo's work too
    std::size_t budget = 0;

    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena() {
        for (Large* b = large_.next; b != &large_;) {
            Large* next = b->next;
            std::free(b);
            b = next;
        }
        for (Chunk* c = chunks_; c != nullptr;) {
            Chunk* next = c->next;
            if (!t_spare_chunks.keep(c)) std::free(c);
            c = next;
        }
    }

    // nullptr when malloc fails.
    void* allocate(std::size_t size) {
        const std::size_t rounded = std::max(word, (size + word - 1) / word * word);
        return rounded <= small_max ? allocate_small(rounded) : allocate_large(size);
    }

    void release(void* pointer) {
        std::size_t* size_word = static_cast<std::size_t*>(pointer) - 1;
        if (*size_word <= small_max) {
            void*& head = free_[*size_word / word];
            *static_cast<void**>(pointer) = head;
            head = pointer;
            return;
        }
        Large* block = reinterpret_cast<Large*>(size_word + 1) - 1;
        block->prev->next = block->next;
        block->next->prev = block->prev;
        std::free(block);
    }

private:
    void* allocate_small(std::size_t rounded) {
        void*& head = free_[rounded / word];
        if (head != nullptr) {
            void* block = head;
            head = *static_cast<void**>(block);
            return block;
        }
        if (chunk_left_ < word + rounded) {
            Chunk* chunk = t_spare_chunks.take();
            if (chunk == nullptr) chunk = static_cast<Chunk*>(std::malloc(chunk_size));
            if (chunk == nullptr) return nullptr;
            chunk->next = chunks_;
            chunks_ = chunk;
            chunk_next_ = reinterpret_cast<char*>(chunk + 1);
            chunk_left_ = chunk_size - sizeof(Chunk);
        }
        auto* size_word = reinterpret_cast<std::size_t*>(chunk_next_);
        *size_word = rounded;
        chunk_next_ += word + rounded;
        chunk_left_ -= word + rounded;
        return size_word + 1;
    }

    void* allocate_large(std::size_t size) {
        auto* block = static_cast<Large*>(std::malloc(sizeof(Large) + size));
        if (block == nullptr) return nullptr;
        block->size = size;
        block->prev = &large_;
        block->next = large_.next;
        large_.next->prev = block;
        large_.next = block;
        return block + 1;
    }

    Large large_{&large_, &large_, 0};
    Chunk* chunks_ = nullptr;
    char* chunk_next_ = nullptr;
    std::size_t chunk_left_ = 0;
    void* free_[small_max / word + 1] = {};
};

extern "C" void* arena_allocate(void* userdata, std::size_t size) {
    auto* arena = static_cast<Arena*>(userdata);
    Guard* guard = t_guard;
    arena->allocated += size;
    const bool over = arena->allocated > arena->budget && guard != nullptr;
    void* memory = over ? nullptr : arena->allocate(size);
    if (memory == nullptr) {
        // gumbo only allocates inside run_gumbo, where a guard is armed.
        if (guard == nullptr) return nullptr;
        t_guard = nullptr;
        guard->code = over ? guard_budget : guard_out_of_memory;
        std::longjmp(guard->jump, 1);
    }
    return memory;
}

extern "C" void arena_free(void* userdata, void* pointer) {
    if (pointer != nullptr) static_cast<Arena*>(userdata)->release(pointer);
}

// The guarded region. Nothing here may have a destructor.
[[gnu::noinline]] GumboOutput* run_gumbo(const GumboOptions* options, const char* buffer, std::size_t length,
                                         Guard* guard) {
    guard->code = guard_ok;
    t_guard = guard;
    if (setjmp(guard->jump) != 0) return nullptr;  // t_guard was cleared by whoever jumped
    GumboOutput* output = gumbo_parse_with_options(options, buffer, length);
    t_guard = nullptr;
    return output;
}

[[gnu::noinline]] bool run_self_test(Guard* guard) {
    guard->code = guard_ok;
    t_guard = guard;
    if (setjmp(guard->jump) != 0) return guard->code == guard_assertion;
    __assert_fail("self test", __FILE__, __LINE__, "run_self_test");
}

std::string describe(const Guard& guard) {
    switch (guard.code) {
        case guard_assertion:
            return std::string("assertion failed in the HTML parser: ") + (guard.assertion ? guard.assertion : "?") +
                   " (" + (guard.file ? guard.file : "?") + ":" + std::to_string(guard.line) + ")";
        case guard_budget:
            return "the HTML parser exceeded its memory budget";
        default:
            return "the HTML parser ran out of memory";
    }
}

// The leading fields of gumbo's (non-public) GumboError of 0.10.1, src/error.h.
struct ErrorView {
    int type;
    GumboSourcePosition position;
    const char* original_text;
    union {
        std::uint64_t codepoint;
        struct {
            const char* name;
            unsigned original_index;
            unsigned new_index;
        } duplicate_attr;
        struct {
            int input_type;
            GumboTag input_tag;
            int parser_state;
            GumboVector tag_stack;
        } parser;
    } v;
};

constexpr const char* error_kinds[] = {"invalid-utf8",
                                       "truncated-utf8",
                                       "null-character",
                                       "numeric-reference-without-digits",
                                       "numeric-reference-without-semicolon",
                                       "invalid-numeric-reference",
                                       "named-reference-without-semicolon",
                                       "invalid-named-reference",
                                       "tag-starts-with-question-mark",
                                       "eof-in-tag",
                                       "invalid-tag",
                                       "empty-end-tag",
                                       "eof-in-end-tag",
                                       "invalid-end-tag",
                                       "eof-in-script",
                                       "eof-in-attribute-name",
                                       "invalid-attribute-name",
                                       "eof-in-attribute-value",
                                       "eof-in-attribute-value",
                                       "eof-in-attribute-value",
                                       "unquoted-attribute-value-bracket",
                                       "unquoted-attribute-value-equals",
                                       "eof-after-attribute",
                                       "invalid-after-attribute",
                                       "duplicate-attribute",
                                       "eof-after-solidus",
                                       "unexpected-solidus-in-tag",
                                       "bogus-comment",
                                       "eof-in-comment",
                                       "invalid-comment",
                                       "comment-bang-after-double-dash",
                                       "comment-dash-after-double-dash",
                                       "comment-space-after-double-dash",
                                       "eof-in-comment",
                                       "eof-in-doctype",
                                       "invalid-doctype",
                                       "doctype-space",
                                       "doctype-bracket",
                                       "doctype-space",
                                       "doctype-end",
                                       "tree-construction",
                                       "non-void-self-closing-tag"};

// GUMBO_INSERTION_MODE_INITIAL of src/insertion_mode.h: an error there is a missing doctype.
constexpr int insertion_mode_initial = 0;

constexpr const char* token_kinds[] = {"doctype",   "start-tag", "end-tag", "comment", "whitespace",
                                       "character", "cdata",     "null",    "eof"};

class Converter {
public:
    // `length`: of the text to parse, CSS included; `cuts`: the CSS taken out
    // of the document's buffer (cuts.hpp).
    Converter(std::size_t length, const ParseOptions& options, const Cuts& cuts, ParseOutcome& out)
        : options_(options), cuts_(cuts), cut_taken_(cuts.size(), false), out_(out), dom_(out.dom) {
        // gumbo allocates 4-6 times the size of typical mail HTML and up to
        // ~80 times for documents of tiny elements; more is the tree builder
        // re-opening formatting elements over and over (quadratic output).
        total_budget_ = options.memory_budget != 0
                            ? options.memory_budget
                            : (16u << 20) + std::min(length * 128, options.limits.max_nodes * 512);
        remaining_budget_ = total_budget_;
    }

    // Parses buffer[0, length) (NUL after it) whose offset 0 is `base` in the
    // text, and converts the result under `parent`. False when gumbo failed.
    bool parse(const char* buffer, std::size_t length, std::size_t base, std::uint32_t parent, GumboTag context) {
        Arena arena;
        arena.budget = remaining_budget_;
        GumboOptions gopts = kGumboDefaultOptions;
        gopts.allocator = arena_allocate;
        gopts.deallocator = arena_free;
        gopts.userdata = &arena;
        gopts.max_errors = static_cast<int>(Dom::max_kept_errors);
        if (context != GUMBO_TAG_LAST) gopts.fragment_context = context;
        Guard guard{};
        GumboOutput* output = run_gumbo(&gopts, buffer, length, &guard);
        remaining_budget_ -= std::min(remaining_budget_, arena.allocated);
        if (output == nullptr) {
            failed(guard, base, context != GUMBO_TAG_LAST);
            return false;
        }
        const bool fragment = context != GUMBO_TAG_LAST;
        const Frame frame{buffer, base, fragment, fragment || cuts_.empty() ? nullptr : &cuts_};
        if (context == GUMBO_TAG_LAST) {
            dom_.has_doctype = output->document->v.document.has_doctype;
            dom_.quirks = output->document->v.document.doc_type_quirks_mode == GUMBO_DOCTYPE_QUIRKS;
        }
        convert_errors(output, frame);
        const GumboNode* top = context == GUMBO_TAG_LAST ? output->document : output->root;
        convert_tree(top, parent, frame);
        return true;
    }

    // Whether every cut was found again: a style sheet right after the start
    // tag of an HTML <style> element gumbo made, a style attribute's value
    // between the quotes of a style attribute gumbo kept.
    [[nodiscard]] bool cuts_held() const noexcept { return cuts_taken_ == cuts_.size(); }

private:
    struct Frame {
        const char* buffer;
        std::size_t base;
        bool outlook_only;
        const Cuts* cuts;  // taken out of this buffer (the document's only)
        // The text offset of an offset in the buffer.
        [[nodiscard]] std::size_t at(std::size_t buffer_offset) const {
            return cuts != nullptr ? cuts->text_offset(buffer_offset) : base + buffer_offset;
        }
        [[nodiscard]] std::size_t offset(const char* p) const { return at(static_cast<std::size_t>(p - buffer)); }
        // The text span of `length` bytes at p. A start tag may hold a cut
        // (a style attribute's value), so its end is mapped from its last
        // byte, which no cut follows by mistake (a cut can start right after it).
        [[nodiscard]] Span span(const char* p, std::size_t length) const {
            const std::size_t begin = offset(p);
            return {begin, length == 0 ? begin : offset(p + length - 1) + 1};
        }
    };

    void failed(const Guard& guard, std::size_t base, bool fragment) {
        if (guard.code == guard_budget) {
            out_.limits.push_back({"html_parser_memory", total_budget_, base});
        } else if (dom_.failure.empty()) {
            dom_.failure = describe(guard) + (fragment ? " (in a conditional comment)" : "");
        }
    }

    void convert_errors(const GumboOutput* output, const Frame& frame) {
        dom_.error_count += output->errors.length;
        for (unsigned i = 0; i < output->errors.length && dom_.errors.size() < Dom::max_kept_errors; ++i) {
            const auto* e = static_cast<const ErrorView*>(output->errors.data[i]);
            ParseError pe;
            pe.offset = frame.at(e->position.offset);
            const auto type = static_cast<std::size_t>(e->type);
            pe.kind = type < std::size(error_kinds) ? error_kinds[type] : "unknown";
            pe.in_conditional = frame.outlook_only;
            if (pe.kind == std::string_view("tree-construction")) {
                const auto token = static_cast<std::size_t>(e->v.parser.input_type);
                pe.kind = std::string("unexpected-") + (token < std::size(token_kinds) ? token_kinds[token] : "token");
                if (e->v.parser.parser_state == insertion_mode_initial) pe.kind = "missing-doctype";
                if (e->v.parser.input_tag < GUMBO_TAG_UNKNOWN) pe.tag = gumbo_normalized_tagname(e->v.parser.input_tag);
            } else if (pe.kind == std::string_view("duplicate-attribute") && e->v.duplicate_attr.name != nullptr) {
                pe.tag = e->v.duplicate_attr.name;
            }
            dom_.errors.push_back(std::move(pe));
        }
    }

    std::uint32_t add_node(NodeKind kind, std::uint32_t parent, const Frame& frame) {
        const auto index = static_cast<std::uint32_t>(dom_.nodes.size());
        Node& n = dom_.nodes.emplace_back();
        n.kind = kind;
        n.parent = parent;
        n.depth = dom_.nodes[parent].depth + 1;
        if (frame.outlook_only) n.flags |= flag_outlook_only;
        // Nodes are added in document order (pre-order), so the node added
        // before this one is the parent itself or in its subtree, below the
        // parent's last child. The nodes climbed over have no children to come,
        // so each is climbed over once in the whole conversion.
        std::uint32_t last = index - 1;
        while (last != parent && last != no_node && dom_.nodes[last].parent != parent) last = dom_.nodes[last].parent;
        if (last == parent || last == no_node) {
            dom_.nodes[parent].first_child = index;
        } else {
            dom_.nodes[last].next_sibling = index;
            dom_.nodes[index].prev_sibling = last;
        }
        return index;
    }

    void convert_tree(const GumboNode* top, std::uint32_t parent, const Frame& frame);
    void convert_element(const GumboNode* g, std::uint32_t index, const Frame& frame);
    void convert_text(const GumboNode* g, std::uint32_t parent, const Frame& frame);
    const Cut* cut_after(const GumboNode* g, const Frame& frame) const;
    void restore_attribute_value(Attribute& attr, const GumboAttribute* a, const Frame& frame);
    bool restore_text(Node& n, std::string_view text, const GumboStringPiece& original, const Frame& frame);
    void take(const Cut& cut) {
        const std::size_t i = cuts_.index(cut);
        if (!cut_taken_[i]) ++cuts_taken_;
        cut_taken_[i] = true;
    }
    void add_style_text(const Cut& cut, std::uint32_t parent, const Frame& frame);
    std::string_view attribute_name(std::string_view name);
    bool conditional_comment(const GumboNode* g, std::uint32_t parent, const Frame& frame);
    void parse_fragment(std::string_view content, std::size_t content_at, std::uint32_t parent, GumboTag context);
    bool copy_fragment(std::string_view content, std::size_t content_at, std::uint32_t parent, GumboTag context);

    // A conditional comment's content as parsed once: what it added to the
    // Dom. MJML and other builders repeat the same <!--[if mso | IE]> table
    // openers dozens of times in one document; gumbo's output depends only
    // on the bytes and the context, so a repeat is a copy, moved in offset.
    struct ParsedFragment {
        GumboTag context;
        std::size_t content_at;
        std::uint32_t parent;
        std::uint32_t first_node, end_node;
        std::size_t first_error, end_error;
        std::size_t errors_reported;
        std::size_t allocated;  // the arena bytes the parse took from the budget
    };

    const ParseOptions& options_;
    const Cuts& cuts_;
    std::vector<bool> cut_taken_;
    std::size_t cuts_taken_ = 0;  // distinct cuts found (a re-opened <font> repeats its attributes)
    ParseOutcome& out_;
    Dom& dom_;
    bool node_limit_hit_ = false;
    std::size_t total_budget_ = 0;  // bytes gumbo may allocate for this part, all parses together
    std::size_t remaining_budget_ = 0;
    std::unordered_map<std::string_view, std::vector<ParsedFragment>> fragments_;  // views into the parsed buffer
    std::unordered_set<std::string_view> attribute_names_;                         // views into the Dom's store
};

const GumboVector* children_of(const GumboNode* g) {
    if (g->type == GUMBO_NODE_DOCUMENT) return &g->v.document.children;
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) return &g->v.element.children;
    return nullptr;
}

void Converter::convert_tree(const GumboNode* top, std::uint32_t parent, const Frame& frame) {
    // Iterative pre-order walk: documents nest far deeper than the C++ stack.
    // An entry per open element, not per child still to convert: a body of
    // 30,000 paragraphs held 30,000 entries while gumbo's tree was alive.
    struct Open {
        const GumboVector* children;  // nullptr when it has none
        unsigned next;                // the next child to convert
        std::uint32_t index;          // in the Dom
        const Cut* style_sheet;       // its text node, taken out (cut_after): added after its children
    };
    std::vector<Open> open{{children_of(top), 0, parent, nullptr}};
    while (!open.empty()) {
        Open& o = open.back();
        const bool child_left = o.children != nullptr && o.next < o.children->length;
        if (!child_left && o.style_sheet == nullptr) {
            open.pop_back();
            continue;
        }
        if (dom_.nodes.size() >= options_.limits.max_nodes) {
            if (!node_limit_hit_) out_.limits.push_back({"max_html_nodes", options_.limits.max_nodes, frame.base});
            node_limit_hit_ = true;
            return;
        }
        if (!child_left) {
            add_style_text(*std::exchange(o.style_sheet, nullptr), o.index, frame);
            continue;
        }
        const auto* g = static_cast<const GumboNode*>(o.children->data[o.next++]);
        const std::uint32_t at = o.index;
        if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
            const std::uint32_t index = add_node(NodeKind::element, at, frame);
            convert_element(g, index, frame);
            open.push_back({children_of(g), 0, index, cut_after(g, frame)});  // o is gone
        } else if (g->type == GUMBO_NODE_COMMENT) {
            if (!conditional_comment(g, at, frame)) convert_text(g, at, frame);
        } else {
            convert_text(g, at, frame);
        }
    }
}

// The name of an element of an unknown tag, from `source`, its tag as gumbo
// would have read it: what follows "<" up to white space, '/' or the final
// '>', or, for an element gumbo made of an end tag, all that follows "</" (as
// gumbo's gumbo_tag_from_original_text reads it). From an end tag the name
// runs over the attributes, so the CSS taken out of them is put back first.
std::string unknown_tag_name(std::string_view source) {
    if (source.size() < 2 || source.front() != '<' || source.back() != '>') return {};
    std::string_view name = source.substr(1, source.size() - 2);
    if (name.starts_with('/')) {
        name.remove_prefix(1);
    } else {
        name = name.substr(0, name.find_first_of("\t\n\f /"));
    }
    return core::to_lower(name);
}

void Converter::convert_element(const GumboNode* g, std::uint32_t index, const Frame& frame) {
    const GumboElement& e = g->v.element;
    Node& n = dom_.nodes[index];
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) n.flags |= flag_foreign;
    if (g->parse_flags & GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT) n.flags |= flag_reconstructed;
    std::string_view source(e.original_tag.data, e.original_tag.length);
    std::string restored;  // an unknown tag's source with its cuts put back
    if (e.original_tag.length == 0) {
        n.flags |= flag_implied;
        const std::size_t at = frame.at(e.start_pos.offset);
        n.span = {at, at};
    } else {
        n.span = frame.span(e.original_tag.data, e.original_tag.length);
        if (e.tag == GUMBO_TAG_UNKNOWN && frame.cuts != nullptr) {
            restored = frame.cuts->restore(source, static_cast<std::size_t>(e.original_tag.data - frame.buffer));
            source = restored;
        }
    }
    // A known tag's name is gumbo's static string; only unknown ones are kept.
    n.chars = e.tag != GUMBO_TAG_UNKNOWN ? std::string_view(gumbo_normalized_tagname(e.tag))
                                         : dom_.strings.keep(unknown_tag_name(source));
    n.attr_begin = static_cast<std::uint32_t>(dom_.attributes.size());
    n.attr_count = e.attributes.length;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        Attribute& attr = dom_.attributes.emplace_back();
        attr.name = attribute_name(a->name);
        attr.value = dom_.strings.keep(a->value);
        const std::size_t name_at = frame.offset(a->original_name.data);
        attr.name_span = {name_at, name_at + a->original_name.length};
        std::string_view raw(a->original_value.data == nullptr ? "" : a->original_value.data, a->original_value.length);
        std::size_t value_at = raw.empty() ? attr.name_span.end : frame.offset(raw.data());
        if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front()) {
            raw = raw.substr(1, raw.size() - 2);
            ++value_at;
        } else if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
            raw = raw.substr(1);  // an unterminated quote at the end of the input
            ++value_at;
        }
        attr.value_span = {value_at, value_at + raw.size()};
        attr.verbatim = raw == attr.value;
        if (raw.empty() && frame.cuts != nullptr) restore_attribute_value(attr, a, frame);
    }
}

// Mail repeats a few attribute names ("class", "style", "href") thousands of
// times: each is kept once. A document of ever new names (hostile input)
// stops sharing past a few thousand, where the set would outgrow the names.
std::string_view Converter::attribute_name(std::string_view name) {
    constexpr std::size_t max_shared = 4096;
    const auto found = attribute_names_.find(name);
    if (found != attribute_names_.end()) return *found;
    const std::string_view kept = dom_.strings.keep(name);
    if (attribute_names_.size() < max_shared) attribute_names_.insert(kept);
    return kept;
}

// An attribute whose value was taken out (a style attribute's, or a long
// href, src, alt, title or class): gumbo read name="" (the quotes were kept)
// where the cut is; the value is the cut's bytes.
void Converter::restore_attribute_value(Attribute& attr, const GumboAttribute* a, const Frame& frame) {
    if (a->original_value.length != 2) return;
    const auto at = static_cast<std::size_t>(a->original_value.data - frame.buffer) + 1;
    const Cut* cut = frame.cuts->at(at);
    if (cut == nullptr || (cut->kind != SourceKind::style_attribute && cut->kind != SourceKind::attribute_value))
        return;
    attr.value = dom_.strings.keep(cuts_.content(*cut));
    attr.value_span = cut->content();
    attr.verbatim = true;
    take(*cut);
}

void Converter::convert_text(const GumboNode* g, std::uint32_t parent, const Frame& frame) {
    NodeKind kind = NodeKind::text;
    if (g->type == GUMBO_NODE_WHITESPACE) kind = NodeKind::whitespace;
    if (g->type == GUMBO_NODE_COMMENT) kind = NodeKind::comment;
    const GumboText& t = g->v.text;
    const std::uint32_t index = add_node(kind, parent, frame);
    Node& n = dom_.nodes[index];
    const std::string_view text = t.text == nullptr ? "" : t.text;
    if (t.original_text.data != nullptr && t.original_text.length > 0) {
        n.span = frame.span(t.original_text.data, t.original_text.length);
        if (kind != NodeKind::comment && frame.cuts != nullptr && restore_text(n, text, t.original_text, frame)) {
            return;
        }
    } else {
        const std::size_t at = frame.at(t.start_pos.offset);
        n.span = {at, at};
    }
    n.chars = dom_.strings.keep(text);
}

// Character data taken out where gumbo ended the text node n, whose text
// it made is `text`: the flush that made the node came from the token right
// after the cut, and the characters kept before the cut are the node's last.
// False (n untouched) when there is none.
bool Converter::restore_text(Node& n, std::string_view text, const GumboStringPiece& original, const Frame& frame) {
    const Cut* cut = frame.cuts->at(static_cast<std::size_t>(original.data - frame.buffer) + original.length);
    std::string restored;
    if (cut == nullptr || cut->kind != SourceKind::text || !cuts_.restore_text(*cut, n.span.begin, text, restored)) {
        return false;
    }
    n.chars = dom_.strings.keep(restored);
    n.span.end = cut->content_end;
    take(*cut);
    return true;
}

// The style sheet taken out right after g's start tag, when g is an HTML
// <style> element (which gumbo reads as RAWTEXT) and has no children (with
// its content gone, it has none).
const Cut* Converter::cut_after(const GumboNode* g, const Frame& frame) const {
    if (frame.cuts == nullptr) return nullptr;
    const GumboElement& e = g->v.element;
    if (e.tag != GUMBO_TAG_STYLE || e.tag_namespace != GUMBO_NAMESPACE_HTML || e.original_tag.length == 0 ||
        e.children.length != 0) {
        return nullptr;
    }
    const Cut* cut =
        frame.cuts->at(static_cast<std::size_t>(e.original_tag.data - frame.buffer) + e.original_tag.length);
    return cut != nullptr && cut->kind == SourceKind::style_sheet ? cut : nullptr;
}

// The text node gumbo would have made of the style sheet.
void Converter::add_style_text(const Cut& cut, std::uint32_t parent, const Frame& frame) {
    SheetText sheet = cuts_.text_node(cut);
    const std::uint32_t index = add_node(sheet.whitespace ? NodeKind::whitespace : NodeKind::text, parent, frame);
    dom_.nodes[index].chars = dom_.strings.keep(sheet.text);
    dom_.nodes[index].span = sheet.span;
    take(cut);
}

// <!--[if COND]> CONTENT <![endif]-->: a downlevel-hidden conditional
// comment, shown only by Outlook (and old IE). Its content is parsed as a
// fragment in the context of the comment's parent.
bool Converter::conditional_comment(const GumboNode* g, std::uint32_t parent, const Frame& frame) {
    if (!options_.parse_conditional_comments || frame.outlook_only) return false;
    const GumboStringPiece& original = g->v.text.original_text;
    if (original.data == nullptr || original.length < 7) return false;
    const std::string_view source(original.data, original.length);
    if (!source.starts_with("<!--") || !source.ends_with("-->")) return false;
    const std::string_view inner = core::trim(source.substr(4, source.size() - 7));
    if (!core::istarts_with(inner, "[if")) return false;
    const std::size_t open_end = inner.find("]>");
    const std::size_t endif = inner.rfind("<![endif]");
    if (open_end == std::string_view::npos || endif == std::string_view::npos || endif < open_end + 2) return false;
    if (core::trim(inner.substr(endif + 9)).size() != 0) return false;

    const std::uint32_t index = add_node(NodeKind::conditional, parent, frame);
    dom_.nodes[index].span = frame.span(original.data, original.length);
    dom_.nodes[index].chars = dom_.strings.keep(core::trim(inner.substr(3, open_end - 3)));
    dom_.nodes[index].flags |= flag_outlook_only;
    const std::string_view content = inner.substr(open_end + 2, endif - open_end - 2);
    const std::size_t content_at = frame.offset(content.data());
    if (core::trim(content).empty()) return true;

    GumboTag context = GUMBO_TAG_BODY;
    const Node& p = dom_.nodes[parent];
    if (p.is_element() && !p.has(flag_foreign) && p.chars != "html" && p.chars != "head") {
        const GumboTag tag = gumbo_tagn_enum(p.chars.data(), static_cast<unsigned>(p.chars.size()));
        if (tag != GUMBO_TAG_UNKNOWN) context = tag;
    }
    if (!copy_fragment(content, content_at, index, context)) parse_fragment(content, content_at, index, context);
    return true;
}

void Converter::parse_fragment(std::string_view content, std::size_t content_at, std::uint32_t parent,
                               GumboTag context) {
    ParsedFragment parsed{context, content_at, parent, 0, 0, 0, 0, 0, 0};
    parsed.first_node = static_cast<std::uint32_t>(dom_.nodes.size());
    parsed.first_error = dom_.errors.size();
    const std::size_t errors_before = dom_.error_count;
    const std::size_t budget_before = remaining_budget_;
    const std::string buffer(content);  // gumbo needs a NUL after the bytes
    if (!parse(buffer.c_str(), buffer.size(), content_at, parent, context) || node_limit_hit_) return;
    parsed.end_node = static_cast<std::uint32_t>(dom_.nodes.size());
    parsed.end_error = dom_.errors.size();
    parsed.errors_reported = dom_.error_count - errors_before;
    parsed.allocated = budget_before - remaining_budget_;
    fragments_[content].push_back(parsed);
}

// Repeats what parsing `content` added before, when it was parsed in the same
// context and the copy stays within the node limit and the memory budget (a
// parse that would hit either is left to run and report it).
bool Converter::copy_fragment(std::string_view content, std::size_t content_at, std::uint32_t parent,
                              GumboTag context) {
    const auto found = fragments_.find(content);
    if (found == fragments_.end()) return false;
    const auto same = std::find_if(found->second.begin(), found->second.end(),
                                   [context](const ParsedFragment& p) { return p.context == context; });
    if (same == found->second.end()) return false;
    const ParsedFragment p = *same;
    const std::size_t count = p.end_node - p.first_node;
    if (dom_.nodes.size() + count > options_.limits.max_nodes || remaining_budget_ < p.allocated) return false;
    remaining_budget_ -= p.allocated;
    auto moved = [&](std::size_t offset) { return offset - p.content_at + content_at; };
    auto moved_span = [&](Span s) { return Span{moved(s.begin), moved(s.end)}; };
    const auto first = static_cast<std::uint32_t>(dom_.nodes.size());
    const Frame frame{nullptr, content_at, true, nullptr};
    for (std::uint32_t old = p.first_node; old < p.end_node; ++old) {
        const std::uint32_t old_parent = dom_.nodes[old].parent;
        const std::uint32_t index =
            add_node(dom_.nodes[old].kind, old_parent == p.parent ? parent : old_parent - p.first_node + first, frame);
        Node& n = dom_.nodes[index];
        const Node& original = dom_.nodes[old];
        n.flags = original.flags;
        n.span = moved_span(original.span);
        n.chars = original.chars;  // views into this Dom's store
        n.attr_begin = static_cast<std::uint32_t>(dom_.attributes.size());
        n.attr_count = original.attr_count;
        for (std::uint32_t a = 0; a < original.attr_count; ++a) {
            Attribute attribute = dom_.attributes[original.attr_begin + a];
            attribute.name_span = moved_span(attribute.name_span);
            attribute.value_span = moved_span(attribute.value_span);
            dom_.attributes.push_back(std::move(attribute));
        }
    }
    dom_.error_count += p.errors_reported;
    for (std::size_t e = p.first_error; e < p.end_error && dom_.errors.size() < Dom::max_kept_errors; ++e) {
        ParseError error = dom_.errors[e];
        error.offset = moved(error.offset);
        dom_.errors.push_back(std::move(error));
    }
    return true;
}

// Text that is nothing but template directives ("{{#each items}}",
// "{% endfor %}", "*|END:IF|*"): a loop around table rows in an unrendered
// template, not content that moves.
bool only_template_tags(std::string_view text) {
    static constexpr std::pair<std::string_view, std::string_view> tags[] = {{"{{", "}}"}, {"{%", "%}"}, {"*|", "|*"}};
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++i;
            continue;
        }
        bool tag = false;
        for (const auto& [open, close] : tags) {
            if (text.substr(i, open.size()) != open) continue;
            const std::size_t end = text.find(close, i + open.size());
            if (end == std::string_view::npos) return false;
            i = end + close.size();
            tag = true;
            break;
        }
        if (!tag) return false;
    }
    return true;
}

// Content written inside a table but outside its cells is moved by the
// parser in front of the table ("foster parenting"): it renders elsewhere
// than written. gumbo 0.10.1 does not flag such nodes, but they give
// themselves away: previous siblings of the table that come after its start
// tag in the source.
void find_moved_content(Dom& dom) {
    for (const Node& table : dom.nodes) {
        if (!table.is_element() || table.chars != "table" || table.has(flag_implied)) continue;
        for (std::uint32_t s = table.prev_sibling; s != no_node; s = dom.nodes[s].prev_sibling) {
            const Node& n = dom.nodes[s];
            if (n.span.begin <= table.span.begin) break;
            if (n.kind != NodeKind::element && n.kind != NodeKind::text) continue;
            // An empty <p> or a <br> between rows only moves a blank line.
            bool content = n.kind == NodeKind::text && !only_template_tags(n.chars);
            const std::uint32_t end = n.kind == NodeKind::text ? s : dom.subtree_end(s);
            for (std::uint32_t i = s; !content && i < end; ++i) {
                const Node& d = dom.nodes[i];
                content =
                    (d.kind == NodeKind::text && !only_template_tags(d.chars)) || (d.is_element() && d.chars == "img");
            }
            if (!content) continue;
            if (dom.errors.size() >= Dom::max_kept_errors) return;
            ++dom.error_count;
            dom.errors.push_back(
                {n.span.begin, "content-moved-out-of-table", std::string(n.name()), n.has(flag_outlook_only)});
        }
    }
}

// <html>, <head>, <body> and the document: nodes with no tag in the source.
constexpr std::size_t implied_nodes = 4;

// Parses `text`, with the CSS the prescan finds taken out when
// `read_css_apart`; nullopt when gumbo did not read a cut as expected, or
// failed (the caller then parses the text whole, which decides the outcome).
std::optional<ParseOutcome> parse_prescanned(std::string_view text, const ParseOptions& options, bool read_css_apart,
                                             bool read_text_apart) {
    std::optional<ParseOutcome> result(std::in_place);
    ParseOutcome& out = *result;
    Dom& dom = out.dom;
    dom.text_size = text.size();
    dom.nodes.emplace_back();  // the document
    std::string buffer(text);  // prescanned in place; std::string keeps a NUL after its bytes
    PrescanResult scan = prescan_html(buffer, options.limits);
    out.limits = std::move(scan.notes);
    buffer.resize(scan.length);
    const Cuts cuts = read_css_apart || read_text_apart
                          ? Cuts(buffer, text, scan.apart_sources, read_css_apart, read_text_apart)
                          : Cuts();
    // A cut document gives the rest back before gumbo allocates, and the
    // sources are in the cuts now.
    buffer.shrink_to_fit();
    std::vector<ApartSource>().swap(scan.apart_sources);
    dom.parsed_size = scan.length;
    // Sized once from the prescan's estimate: growing by doubling held the old
    // and the new array at once while gumbo's tree was still alive, the peak.
    // The tree builder adds nodes of its own (a <tbody> in every table of
    // mail HTML, re-opened formatting elements), 3-5% more in templates.
    const std::size_t tagged = scan.nodes - scan.attributes;
    dom.nodes.reserve(tagged + tagged / 8 + implied_nodes);
    dom.attributes.reserve(scan.attributes);
    Converter converter(scan.length, options, cuts, out);
    dom.parsed = converter.parse(buffer.c_str(), buffer.size(), 0, 0, GUMBO_TAG_LAST);
    if (!cuts.empty() && (!dom.parsed || !converter.cuts_held())) return std::nullopt;
    if (!dom.parsed) {
        dom.nodes.resize(1);
        dom.nodes[0].first_child = no_node;
    }
    find_moved_content(dom);
    for (std::size_t i = 0; i < cuts.size(); ++i) {
        ++(cuts[i].kind == SourceKind::text ? out.text_read_apart : out.css_read_apart);
    }
    return result;
}

}  // namespace

ParseOutcome parse_html(std::string_view text, const ParseOptions& options) {
    std::optional<ParseOutcome> out = parse_prescanned(text, options, options.read_css_apart, options.read_text_apart);
    if (!out && options.read_text_apart && options.read_css_apart) {
        out = parse_prescanned(text, options, true, false);
    }
    if (!out) out = parse_prescanned(text, options, false, false);
    return std::move(*out);
}

bool gumbo_guard_self_test() {
    Guard guard{};
    return run_self_test(&guard) && t_guard == nullptr;
}

}  // namespace inboxlint::html
