#pragma once
// A vector shared by value between the poll, the fleet state, the store's batch and every snapshot
// that did not change it (copy-on-write, as Qt's containers are): copying one costs a reference count,
// not 10,000 hosts. Reading goes through the const interface only; writing is explicit (edit(), and the
// few appending members), so a loop over a snapshot that only reads never copies by accident.
// Thread safety is that of shared_ptr<const>: once a CowVector is shared, its elements are never
// written again; edit() on a shared one writes a copy.
#include <memory>
#include <vector>

namespace vigil {

template <class T> class CowVector {
public:
    using value_type = T;
    using size_type = typename std::vector<T>::size_type;
    using const_iterator = typename std::vector<T>::const_iterator;
    using iterator = const_iterator; // reading only: see edit()
    using const_reference = const T &;
    using reference = const T &;

    CowVector() = default;
    CowVector(std::vector<T> v) // NOLINT(google-explicit-constructor): a value, like the vector it holds
        : m_d(v.empty() ? nullptr : std::make_shared<std::vector<T>>(std::move(v))) {}
    CowVector(std::initializer_list<T> list)
        : CowVector(std::vector<T>(list)) {}
    CowVector &operator=(std::initializer_list<T> list) { return *this = std::vector<T>(list); }
    CowVector &operator=(std::vector<T> v) {
        m_d = v.empty() ? nullptr : std::make_shared<std::vector<T>>(std::move(v));
        return *this;
    }

    [[nodiscard]] const std::vector<T> &get() const { return m_d ? *m_d : empty_(); }
    operator const std::vector<T> &() const { return get(); } // NOLINT(google-explicit-constructor)

    [[nodiscard]] size_type size() const { return m_d ? m_d->size() : 0; }
    [[nodiscard]] bool empty() const { return !m_d || m_d->empty(); }
    [[nodiscard]] const_iterator begin() const { return get().begin(); }
    [[nodiscard]] const_iterator end() const { return get().end(); }
    [[nodiscard]] const_iterator cbegin() const { return get().begin(); }
    [[nodiscard]] const_iterator cend() const { return get().end(); }
    [[nodiscard]] const T &operator[](size_type i) const { return (*m_d)[i]; }
    [[nodiscard]] const T *data() const { return get().data(); }
    [[nodiscard]] const T &front() const { return m_d->front(); }
    [[nodiscard]] const T &back() const { return m_d->back(); }

    // The vector to write: this one's own (a copy first when another holder shares it).
    std::vector<T> &edit() {
        if (!m_d)
            m_d = std::make_shared<std::vector<T>>();
        else if (m_d.use_count() > 1)
            m_d = std::make_shared<std::vector<T>>(*m_d);
        return *m_d;
    }
    // Takes the elements out (copied when shared), leaving this empty.
    [[nodiscard]] std::vector<T> take() {
        std::vector<T> out = m_d.use_count() == 1 ? std::move(*m_d) : get();
        m_d.reset();
        return out;
    }
    void push_back(T v) { edit().push_back(std::move(v)); }
    template <class... A> T &emplace_back(A &&...args) {
        return edit().emplace_back(std::forward<A>(args)...);
    }
    void reserve(size_type n) { edit().reserve(n); }
    void clear() { m_d.reset(); }

    // Whether both hold the very same elements (shared, not merely equal).
    [[nodiscard]] bool sharesWith(const CowVector &o) const { return m_d == o.m_d; }
    friend bool operator==(const CowVector &a, const CowVector &b) {
        return a.m_d == b.m_d || a.get() == b.get();
    }
    friend bool operator==(const CowVector &a, const std::vector<T> &b) { return a.get() == b; }

private:
    static const std::vector<T> &empty_() {
        static const std::vector<T> none;
        return none;
    }
    std::shared_ptr<std::vector<T>> m_d;
};

} // namespace vigil
