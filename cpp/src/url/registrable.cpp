#include "url/registrable.hpp"

#include <libpsl.h>

#include <string>
#include <unordered_map>

#include "core/ascii.hpp"

namespace inboxlint::url {
namespace {

class PublicSuffixList {
public:
    PublicSuffixList() : latest_(psl_latest(nullptr)) {}
    ~PublicSuffixList() {
        if (latest_ != nullptr) psl_free(latest_);
    }
    PublicSuffixList(const PublicSuffixList&) = delete;
    PublicSuffixList& operator=(const PublicSuffixList&) = delete;

    // psl_latest() falls back to the built-in list itself; psl_builtin() is
    // the last resort should loading fail altogether.
    [[nodiscard]] const psl_ctx_t* get() const noexcept { return latest_ != nullptr ? latest_ : psl_builtin(); }
    [[nodiscard]] bool loaded_latest() const noexcept { return latest_ != nullptr; }

private:
    psl_ctx_t* latest_;
};

const PublicSuffixList& list() {
    static const PublicSuffixList shared;
    return shared;
}

std::string normalise(std::string_view host) {
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    return core::to_lower(host);
}

constexpr std::size_t max_cached_hosts = 4096;

bool looks_like_ip(std::string_view host) {
    if (host.empty()) return true;
    if (host.front() == '[') return true;
    return host.find_first_not_of("0123456789.") == std::string_view::npos;
}

}  // namespace

std::string registrable_domain(std::string_view host) {
    const std::string name = normalise(host);
    if (looks_like_ip(name) || name.front() == '.') return {};
    const psl_ctx_t* ctx = list().get();
    if (ctx == nullptr) return {};
    // psl_registrable_domain costs about 7,000 instructions a call, and the
    // same hosts come back within a message and from message to message;
    // the answer depends on the host alone. A cache per thread (no locks),
    // emptied when full so that it stays small, keeps the answers.
    thread_local std::unordered_map<std::string, std::string> cache;
    if (const auto it = cache.find(name); it != cache.end()) return it->second;
    const char* reg = psl_registrable_domain(ctx, name.c_str());
    std::string found = reg != nullptr ? std::string(reg) : std::string();
    if (cache.size() >= max_cached_hosts) cache.clear();
    cache.emplace(name, found);
    return found;
}

std::string domain_key(std::string_view host) {
    std::string reg = registrable_domain(host);
    return reg.empty() ? normalise(host) : reg;
}

std::string public_suffix(std::string_view host) {
    const std::string name = normalise(host);
    const psl_ctx_t* ctx = list().get();
    if (ctx == nullptr || name.empty()) return {};
    const char* suffix = psl_unregistrable_domain(ctx, name.c_str());
    return suffix != nullptr ? std::string(suffix) : std::string();
}

bool has_known_public_suffix(std::string_view host) {
    const std::string name = normalise(host);
    const psl_ctx_t* ctx = list().get();
    if (ctx == nullptr || name.empty()) return false;
    const auto dot = name.rfind('.');
    const std::string tld = dot == std::string::npos ? name : name.substr(dot + 1);
    if (tld.empty()) return false;
    const auto listed = [ctx](const std::string& suffix) {
        return psl_is_public_suffix2(ctx, suffix.c_str(), PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
    };
    if (listed(tld) || listed("x." + tld)) return true;
    const auto second = dot == std::string::npos ? std::string::npos : name.rfind('.', dot - 1);
    return dot != std::string::npos && listed(second == std::string::npos ? name : name.substr(second + 1));
}

bool same_registrable_domain(std::string_view a, std::string_view b) {
    const std::string ra = registrable_domain(a);
    const std::string rb = registrable_domain(b);
    if (ra.empty() || rb.empty()) return normalise(a) == normalise(b);
    return ra == rb;
}

bool is_same_or_subdomain(std::string_view host, std::string_view domain) {
    const std::string h = normalise(host);
    const std::string d = normalise(domain);
    if (d.empty() || h.size() < d.size()) return false;
    if (h.size() == d.size()) return h == d;
    return h.ends_with(d) && h[h.size() - d.size() - 1] == '.';
}

std::string psl_source() {
    const psl_ctx_t* ctx = list().get();
    if (ctx == nullptr) return "none";
    if (!list().loaded_latest()) return "libpsl built-in list";
    // psl_latest() returns the built-in list when it is at least as new as
    // the system file.
    if (ctx == psl_builtin()) return "libpsl built-in list";
    const char* file = psl_dist_filename();
    return std::string("system list (") + (file != nullptr ? file : "") + ")";
}

}  // namespace inboxlint::url
