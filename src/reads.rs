//! Reads of the model, recorded while a page renders: what `serve` asks after an edit is
//! which pages read something that changed, instead of keeping a list by hand of what each
//! page shows. The model's collections are [`Tracked`], its items' fields and its entries'
//! translations are reached through accessors, and every one of them notes what it read as
//! an identity (a hash of what was read: a collection, an item's key and field, an entry's
//! key and language). A page that starts showing a new field needs no new rule, and a way
//! of reaching the model that does not record is a compile error, not a stale page.
//! [`crate::model::Model::fingerprints`] gives each identity a fingerprint of its value;
//! `serve` ([`crate::live`]) renders again the pages that read an identity whose
//! fingerprint changed.
//!
//! Recording is off unless [`recorded`] runs: a full build pays one thread-local check per
//! access.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Index;
use std::sync::Arc;

/// What a collection of the model holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    Programmes,
    Themes,
    Sessions,
    Speakers,
    InlineSpeakers,
    Pages,
    Minutes,
    Series,
}

impl Collection {
    pub const ALL: [Collection; 8] = [
        Collection::Programmes,
        Collection::Themes,
        Collection::Sessions,
        Collection::Speakers,
        Collection::InlineSpeakers,
        Collection::Pages,
        Collection::Minutes,
        Collection::Series,
    ];
}

/// A hash of `value`, the same in every run: identities and fingerprints are made of them.
pub fn hash_of(value: impl Hash) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// The identity of part `n` of what `base` identifies (a field of an item, a translation
/// of an entry): one multiply and a rotation, not a hash of the key again for every read.
pub fn part_of(base: u64, n: u64) -> u64 {
    (base ^ n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15)).rotate_left(17)
}

/// The identities of the reads of a whole collection: a few multiplications, as they are
/// made on every iteration, recorded or not.
pub mod whole {
    use super::{Collection, part_of};

    /// The base of a collection's identities, apart from every hash of a key.
    fn base(c: Collection) -> u64 {
        part_of(0x7361_6d6c_696e_6700, c as u64)
    }

    /// Which items there are, in order.
    pub fn members(c: Collection) -> u64 {
        part_of(base(c), 0)
    }

    /// How many there are.
    pub fn len(c: Collection) -> u64 {
        part_of(base(c), 1)
    }

    /// Whether there are any.
    pub fn empty(c: Collection) -> u64 {
        part_of(base(c), 2)
    }
}

/// The identity of a read of static file `name` (its size, its bytes): `serve` gives the
/// names of the static files that changed.
pub fn static_file(name: &str) -> u64 {
    part_of(hash_of(("static", name)), 0)
}

thread_local! {
    /// The reads of each computation running on this thread, innermost last. A thread
    /// that waits inside one render may run another (rayon steals work), hence a stack.
    static FRAMES: RefCell<Vec<Vec<u64>>> = const { RefCell::new(Vec::new()) };
}

/// Notes a read of `identity` for the computation running on this thread, if one is
/// recorded.
pub fn note(identity: u64) {
    FRAMES.with(|frames| {
        if let Ok(mut frames) = frames.try_borrow_mut()
            && let Some(frame) = frames.last_mut()
            && frame.last() != Some(&identity)
        {
            frame.push(identity);
        }
    });
}

/// Runs `f`, with the identities of the reads it made (sorted, without repeats). Reads made
/// by other threads on its behalf are not seen: a page renders on one thread.
pub fn recorded<T>(f: impl FnOnce() -> T) -> (T, Vec<u64>) {
    FRAMES.with(|frames| frames.borrow_mut().push(Vec::new()));
    // Popped even if `f` panics, so a caught panic leaves no frame behind.
    struct Pop;
    impl Drop for Pop {
        fn drop(&mut self) {
            FRAMES.with(|frames| {
                frames.borrow_mut().pop();
            });
        }
    }
    let pop = Pop;
    let value = f();
    let mut reads = FRAMES.with(|frames| {
        std::mem::take(
            frames
                .borrow_mut()
                .last_mut()
                .expect("the frame pushed above"),
        )
    });
    drop(pop);
    reads.sort_unstable();
    reads.dedup();
    (value, reads)
}

/// As [`recorded`] while something is recorded on this thread, else `f` alone (a build
/// records nothing): for a value that carries its reads to where it is used.
pub fn carried<T>(f: impl FnOnce() -> T) -> (T, Arc<[u64]>) {
    let recording = FRAMES.with(|frames| frames.try_borrow().is_ok_and(|f| !f.is_empty()));
    if !recording {
        return (f(), Arc::from([]));
    }
    let (value, reads) = recorded(f);
    replay(&reads);
    (value, reads.into())
}

/// Runs `f` without its reads counting: for the keys of caches, whose values bring their
/// own reads ([`replay`]).
pub fn unrecorded<T>(f: impl FnOnce() -> T) -> T {
    recorded(f).0
}

/// Notes again the reads a cached value was made with, for the computation that uses it.
pub fn replay(reads: &[u64]) {
    FRAMES.with(|frames| {
        if let Some(frame) = frames.borrow_mut().last_mut() {
            frame.extend_from_slice(reads);
        }
    });
}

/// A hasher for identities and fingerprints, which are hashes already: it passes them
/// through. Written here rather than taken from a crate (nohash-hasher) for ten lines.
#[derive(Default, Clone, Copy)]
pub struct Passed(u64);

impl Hasher for Passed {
    fn write(&mut self, bytes: &[u8]) {
        // Not used for identities; a plain fold keeps it a hasher for anything.
        for &b in bytes {
            self.0 = self.0.rotate_left(5) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Identities (or fingerprints) to values, hashed by [`Passed`].
pub type IdentityMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<Passed>>;
/// A set of identities, hashed by [`Passed`].
pub type IdentitySet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<Passed>>;

/// Items of one collection of the model. Reaching an item records nothing: its fields
/// note their own reads, by the identity the collection gives it ([`Item::place`]).
pub trait Item {
    const COLLECTION: Collection;
    /// The item's key: what it is, the same in every model.
    fn key(&self) -> &str;
    /// Tells the item its identity (its collection and key, hashed) when it takes its place.
    fn place(&mut self, _identity: u64) {}
    /// Its identity: the one [`Item::place`] gave it, where it keeps it.
    fn identity(&self) -> u64 {
        item_identity(Self::COLLECTION, self.key())
    }
}

/// The identity of an item of `collection` with key `key`.
pub fn item_identity(collection: Collection, key: &str) -> u64 {
    hash_of((collection, key))
}

/// A collection of the model: iterating it, or asking how long it is, is recorded.
#[derive(Debug)]
pub struct Tracked<T> {
    items: Arc<Vec<T>>,
}

impl<T> Clone for Tracked<T> {
    fn clone(&self) -> Self {
        Tracked {
            items: Arc::clone(&self.items),
        }
    }
}

impl<T> Default for Tracked<T> {
    fn default() -> Self {
        Tracked {
            items: Arc::new(Vec::new()),
        }
    }
}

impl<T: Item> Tracked<T> {
    pub fn new(mut items: Vec<T>) -> Tracked<T> {
        for item in &mut items {
            let identity = item_identity(T::COLLECTION, item.key());
            item.place(identity);
        }
        Tracked {
            items: Arc::new(items),
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        note(whole::members(T::COLLECTION));
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        note(whole::len(T::COLLECTION));
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        note(whole::empty(T::COLLECTION));
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        let item = self.items.get(i);
        if item.is_none() {
            note(whole::len(T::COLLECTION));
        }
        item
    }

    /// The place of the item `f` finds `Equal` in a collection sorted by it. A hit is the
    /// item whose key decides `f` (which notes its own reads); a miss reads which items
    /// there are.
    pub fn search_by(&self, f: impl FnMut(&T) -> std::cmp::Ordering) -> Option<usize> {
        let found = self.items.binary_search_by(f).ok();
        if found.is_none() {
            note(whole::members(T::COLLECTION));
        }
        found
    }

    /// The items, read without recording: for the model's fingerprints and building.
    pub(crate) fn unrecorded(&self) -> &[T] {
        &self.items
    }

    /// The items to change in place, copied first if another model shares them.
    pub(crate) fn make_mut(&mut self) -> &mut Vec<T>
    where
        T: Clone,
    {
        Arc::make_mut(&mut self.items)
    }
}

impl<T: Item> Index<usize> for Tracked<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        &self.items[i]
    }
}

impl<'t, T: Item> IntoIterator for &'t Tracked<T> {
    type Item = &'t T;
    type IntoIter = std::slice::Iter<'t, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// What each computation (a page, a check) read of the model, both ways: by computation,
/// and by identity the computations that read it, so that those to make again after an
/// edit are found from the few identities that changed, not by going through every one's
/// reads.
pub struct Readers<K> {
    ids: HashMap<K, u32>,
    /// By id: the computation and its reads, sorted; `None`: the id is free.
    pages: Vec<Option<(K, Box<[u64]>)>>,
    free: Vec<u32>,
    readers: IdentityMap<Vec<u32>>,
}

impl<K> Default for Readers<K> {
    fn default() -> Self {
        Readers {
            ids: HashMap::new(),
            pages: Vec::new(),
            free: Vec::new(),
            readers: IdentityMap::default(),
        }
    }
}

impl<K: Clone + Eq + Hash> Readers<K> {
    /// Records that `key` read `reads` (sorted), replacing what it read before.
    pub fn set(&mut self, key: K, reads: Vec<u64>) {
        let reads: Box<[u64]> = reads.into();
        let id = match self.ids.get(&key) {
            Some(&id) => {
                let Some((_, old)) = self.pages[id as usize].take() else {
                    unreachable!("an id in use has its page");
                };
                // Both sorted: only the reads that differ touch the index.
                let (mut a, mut b) = (0, 0);
                while a < old.len() || b < reads.len() {
                    match (old.get(a), reads.get(b)) {
                        (Some(x), Some(y)) if x == y => (a, b) = (a + 1, b + 1),
                        (Some(x), y) if y.is_none_or(|y| x < y) => {
                            self.unread(*x, id);
                            a += 1;
                        }
                        (_, Some(y)) => {
                            self.readers.entry(*y).or_default().push(id);
                            b += 1;
                        }
                        (_, None) => unreachable!("the loop runs while one has more"),
                    }
                }
                id
            }
            None => {
                let id = self.free.pop().unwrap_or(self.pages.len() as u32);
                if id as usize == self.pages.len() {
                    self.pages.push(None);
                }
                self.ids.insert(key.clone(), id);
                for &read in &reads {
                    self.readers.entry(read).or_default().push(id);
                }
                id
            }
        };
        self.pages[id as usize] = Some((key, reads));
    }

    fn unread(&mut self, identity: u64, id: u32) {
        if let Some(pages) = self.readers.get_mut(&identity) {
            pages.retain(|&p| p != id);
            if pages.is_empty() {
                self.readers.remove(&identity);
            }
        }
    }

    pub fn remove<Q: Hash + Eq + ?Sized>(&mut self, key: &Q)
    where
        K: Borrow<Q>,
    {
        let Some(id) = self.ids.remove(key) else {
            return;
        };
        if let Some((_, reads)) = self.pages[id as usize].take() {
            for &read in reads.iter() {
                self.unread(read, id);
            }
        }
        self.free.push(id);
    }

    pub fn has<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.ids.contains_key(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.ids.keys()
    }

    /// The computations that read `identity`.
    pub fn reading(&self, identity: u64) -> impl Iterator<Item = &K> {
        (self.readers.get(&identity).into_iter().flatten())
            .filter_map(|&id| self.pages[id as usize].as_ref().map(|(key, _)| key))
    }
}

/// When each identity last changed, as `serve` rebuilds: revision `n` is the model of the
/// `n`-th rebuild. A value kept with the reads it was made with ([`Memo`]) holds while none
/// of them changed since the revision it was made at: salsa's rule, with the fingerprints
/// of what was read in place of its inputs' revisions.
#[derive(Default)]
pub struct History {
    state: std::sync::RwLock<HistoryState>,
}

#[derive(Default)]
struct HistoryState {
    now: u64,
    changed_at: IdentityMap<u64>,
}

impl History {
    fn state(&self) -> std::sync::RwLockReadGuard<'_, HistoryState> {
        // Only ever changed whole, under the write lock: a poisoned one is still right.
        self.state
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The revision of the model being made now.
    pub fn now(&self) -> u64 {
        self.state().now
    }

    /// A new revision, in which the identities `changed` changed.
    pub fn advance<'i>(&self, changed: impl IntoIterator<Item = &'i u64>) {
        let mut state = self
            .state
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.now += 1;
        let now = state.now;
        for &identity in changed {
            state.changed_at.insert(identity, now);
        }
    }

    /// Whether nothing `reads` names changed after revision `made_at`.
    pub fn holds(&self, made_at: u64, reads: &[u64]) -> bool {
        let state = self.state();
        made_at == state.now
            || reads
                .iter()
                .all(|r| state.changed_at.get(r).is_none_or(|&at| at <= made_at))
    }
}

/// Values kept by `serve` between rebuilds, each under a key with the reads it was made
/// with and the revision it was made at ([`History`]): it is taken again while none of its
/// reads changed. `from` is what else decided it (what the caller passed in), compared.
pub struct Memo<K, D, V> {
    kept: HashMap<K, Kept<D, V>>,
}

struct Kept<D, V> {
    from: D,
    value: V,
    reads: Arc<[u64]>,
    at: u64,
}

impl<K, D, V> Default for Memo<K, D, V> {
    fn default() -> Self {
        Memo {
            kept: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash, D: PartialEq, V> Memo<K, D, V> {
    /// The value kept under `key`, made from `from`, if what it read did not change since;
    /// with those reads, for the caller to play again ([`replay`]).
    pub fn get<Q: Hash + Eq + ?Sized>(
        &self,
        history: &History,
        key: &Q,
        from: &D,
    ) -> Option<(&V, &Arc<[u64]>)>
    where
        K: Borrow<Q>,
    {
        let kept = self.kept.get(key)?;
        (kept.from == *from && history.holds(kept.at, &kept.reads))
            .then_some((&kept.value, &kept.reads))
    }

    /// Keeps `value`, made now from `from` with `reads`, under `key`.
    pub fn keep(&mut self, history: &History, key: K, from: D, value: V, reads: Arc<[u64]>) {
        let at = history.now();
        self.kept.insert(
            key,
            Kept {
                from,
                value,
                reads,
                at,
            },
        );
    }

    /// The value kept under `key` if it still holds, else made by `make` and kept; either
    /// way what making it read is read here too.
    /// The key is owned only when a value is kept.
    pub fn kept_or_made<Q: Hash + Eq + ToOwned<Owned = K> + ?Sized>(
        &mut self,
        history: &History,
        key: &Q,
        from: D,
        make: impl FnOnce() -> V,
    ) -> V
    where
        K: Borrow<Q>,
        V: Clone,
    {
        if let Some((value, reads)) = self.get(history, key, &from) {
            replay(reads);
            return value.clone();
        }
        let (value, reads) = recorded(make);
        replay(&reads);
        self.keep(history, key.to_owned(), from, value.clone(), reads.into());
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing(&'static str);
    impl Item for Thing {
        const COLLECTION: Collection = Collection::Sessions;
        fn key(&self) -> &str {
            self.0
        }
    }

    #[test]
    fn reads_are_recorded_only_inside_a_recorded_computation() {
        let things = Tracked::new(vec![Thing("a"), Thing("b"), Thing("c")]);
        let _ = things.len();
        let ((), reads) = recorded(|| {
            let _ = things.is_empty();
            // A computation run inside another (rayon steals work) records its own reads.
            let ((), inner) = recorded(|| {
                let _ = things.get(7);
            });
            assert_eq!(inner, vec![whole::len(Collection::Sessions)]);
            let _ = things.iter().count();
            // A cache's key does not count; its value's reads are played again.
            unrecorded(|| things.len());
            replay(&[7]);
        });
        let mut expected = vec![
            whole::empty(Collection::Sessions),
            whole::members(Collection::Sessions),
            7,
        ];
        expected.sort_unstable();
        assert_eq!(reads, expected);
        assert!(FRAMES.with(|frames| frames.borrow().is_empty()));
    }

    #[test]
    fn a_kept_value_holds_until_something_it_read_changes() {
        let history = History::default();
        let mut memo: Memo<String, u32, &str> = Memo::default();
        let made = |value: &'static str, read: u64| {
            move || {
                note(read);
                value
            }
        };
        let ((), _) = recorded(|| {
            assert_eq!(
                memo.kept_or_made(&history, "a", 1, made("first", 7)),
                "first"
            );
        });
        // Something else changed: kept, and its read played again.
        history.advance(&[8]);
        let (value, reads) = recorded(|| memo.kept_or_made(&history, "a", 1, made("x", 9)));
        assert_eq!((value, reads), ("first", vec![7]));
        // Other arguments: made again.
        assert_eq!(
            memo.kept_or_made(&history, "a", 2, made("second", 7)),
            "second"
        );
        // What it read changed, even two rebuilds ago: made again.
        history.advance(&[7]);
        history.advance(&[]);
        assert_eq!(
            memo.kept_or_made(&history, "a", 2, made("third", 7)),
            "third"
        );
        assert_eq!(memo.kept_or_made(&history, "a", 2, made("x", 7)), "third");
    }
}
