#include "auth/key_record.hpp"

#include <algorithm>

#include "auth/base64.hpp"
#include "core/ascii.hpp"

namespace inboxlint::auth {
namespace {

std::vector<std::string> colon_list(const std::string& compact) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= compact.size()) {
        std::size_t colon = compact.find(':', start);
        if (colon == std::string::npos) colon = compact.size();
        if (colon > start) out.push_back(core::to_lower(std::string_view(compact).substr(start, colon - start)));
        start = colon + 1;
    }
    return out;
}

// The problem with the record's tags, if any, before the key is decoded.
std::string tag_problem(const KeyRecord& r) {
    for (const mime::SyntaxIssue& issue : r.tags.issues) {
        if (issue.code == "duplicate-tag" || issue.code == "missing-equals") return "the key record " + issue.detail;
    }
    const Tag* v = r.tags.find("v");
    if (v && (v->compact != "DKIM1" || &r.tags.tags.front() != v)) return "v= must be DKIM1 and the first tag";
    if (r.key_type != "rsa" && r.key_type != "ed25519") return "k=" + r.key_type + " is not a known key type";
    if (!r.services.empty() && std::find(r.services.begin(), r.services.end(), "*") == r.services.end() &&
        std::find(r.services.begin(), r.services.end(), "email") == r.services.end()) {
        return "s= does not allow e-mail";
    }
    if (!r.tags.find("p")) return "the key record has no p= tag";
    return {};
}

}  // namespace

bool KeyRecord::has_flag(std::string_view flag) const noexcept {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

KeyRecord parse_key_record(std::string_view txt) {
    KeyRecord r;
    r.tags = parse_tag_list(txt, 0);
    if (const Tag* k = r.tags.find("k")) r.key_type = core::to_lower(k->compact);
    if (const Tag* h = r.tags.find("h")) r.hashes = colon_list(h->compact);
    if (const Tag* t = r.tags.find("t")) r.flags = colon_list(t->compact);
    if (const Tag* s = r.tags.find("s")) r.services = colon_list(s->compact);
    r.problem = tag_problem(r);
    if (!r.problem.empty()) return r;
    const Tag* p = r.tags.find("p");
    if (p->compact.empty()) {
        r.revoked = true;
        r.problem = "the key is revoked (empty p=)";
        return r;
    }
    Base64Result bytes = decode_base64(p->compact);
    if (!bytes.bytes) {
        r.problem = "p= is not valid base64: " + bytes.error;
        return r;
    }
    const KeyType type = r.key_type == "ed25519" ? KeyType::ed25519 : KeyType::rsa;
    r.key = PublicKey::load(type, *bytes.bytes, r.problem);
    return r;
}

}  // namespace inboxlint::auth
