//! Reads of the model, recorded while a page renders: what `serve` asks after an edit is
//! which pages read something that changed, instead of keeping a list by hand of what each
//! page shows. The model's collections are [`Tracked`]: every way to reach an item notes
//! the read, so a page that starts showing a new field needs no new rule, and a new way of
//! reaching the model that does not record is a compile error, not a stale page.
//!
//! Recording is off unless [`recorded`] runs: a full build pays one thread-local check per
//! access.

use std::cell::RefCell;
use std::ops::Index;
use std::sync::Arc;

/// What a collection of the model holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    Home,
    Programmes,
    Themes,
    Sessions,
    Speakers,
    InlineSpeakers,
    Pages,
    Minutes,
    /// Names → persons, read one name at a time.
    People,
    /// How the model links entries ([`crate::model::Model::links_revision`]).
    Links,
}

/// One read of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Read {
    /// An item by its place in the collection (turned into the item's key when recorded),
    /// for items read as one value.
    Item(Collection, u32),
    /// One field (by number) of an item read field by field ([`Item::BY_FIELD`]).
    Field(Collection, u32, u8),
    /// Which speaker pages list a session (by its place).
    SessionSpeakers(u32),
    /// Every item, in order: an iteration. For items read field by field, which items
    /// there are and their order; their fields' reads are recorded as they are read.
    Whole(Collection),
    /// How many items there are.
    Len(Collection),
    /// Whether there are any.
    Empty(Collection),
    /// A name looked up in [`Collection::People`], by its hash.
    Name(u64),
}

thread_local! {
    /// The reads of each computation running on this thread, innermost last. A thread
    /// that waits inside one render may run another (rayon steals work), hence a stack.
    static FRAMES: RefCell<Vec<Vec<Read>>> = const { RefCell::new(Vec::new()) };
}

/// Notes `read` for the computation running on this thread, if one is recorded.
pub fn note(read: Read) {
    FRAMES.with(|frames| {
        if let Ok(mut frames) = frames.try_borrow_mut()
            && let Some(frame) = frames.last_mut()
            && frame.last() != Some(&read)
        {
            frame.push(read);
        }
    });
}

/// Runs `f`, with the reads of the model it made (sorted, without repeats). Reads made by
/// other threads on its behalf are not seen: a page renders on one thread.
pub fn recorded<T>(f: impl FnOnce() -> T) -> (T, Vec<Read>) {
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

/// Items of one collection of the model.
pub trait Item {
    const COLLECTION: Collection;
    /// Whether the item's fields record their own reads (its accessors note
    /// [`Read::Field`]), so that reaching the item records nothing.
    const BY_FIELD: bool = false;
    /// Tells the item its place in the collection, for its fields' reads.
    fn place(&mut self, _at: u32) {}
}

/// A collection of the model that records how it is read. It has no way to hand out its
/// items unrecorded but [`Tracked::unrecorded`], for the model's own bookkeeping.
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
        for (at, item) in items.iter_mut().enumerate() {
            item.place(at as u32);
        }
        Tracked {
            items: Arc::new(items),
        }
    }

    /// Notes a read of item `i` as one value, unless its fields record their own.
    fn reached(i: usize) {
        if !T::BY_FIELD {
            note(Read::Item(T::COLLECTION, i as u32));
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        note(Read::Whole(T::COLLECTION));
        self.items.iter()
    }

    pub fn len(&self) -> usize {
        note(Read::Len(T::COLLECTION));
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        note(Read::Empty(T::COLLECTION));
        self.items.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&T> {
        match self.items.get(i) {
            Some(item) => {
                Self::reached(i);
                Some(item)
            }
            None => {
                note(Read::Len(T::COLLECTION));
                None
            }
        }
    }

    /// The place of the item `f` finds `Equal` in a collection sorted by it. A hit reads
    /// that item (whose key decides `f`); a miss reads them all.
    pub fn search_by(&self, f: impl FnMut(&T) -> std::cmp::Ordering) -> Option<usize> {
        match self.items.binary_search_by(f) {
            Ok(i) => {
                Self::reached(i);
                Some(i)
            }
            Err(_) => {
                note(Read::Whole(T::COLLECTION));
                None
            }
        }
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
        Self::reached(i);
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

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing;
    impl Item for Thing {
        const COLLECTION: Collection = Collection::Sessions;
    }

    #[test]
    fn reads_are_recorded_only_inside_a_recorded_computation() {
        let things = Tracked::new(vec![Thing, Thing, Thing]);
        let _ = &things[0];
        let ((), reads) = recorded(|| {
            let _ = &things[2];
            let _ = things.is_empty();
            // A computation run inside another (rayon steals work) records its own reads.
            let ((), inner) = recorded(|| {
                let _ = things.get(7);
            });
            assert_eq!(inner, vec![Read::Len(Collection::Sessions)]);
            let _ = things.iter().count();
        });
        assert_eq!(
            reads,
            vec![
                Read::Item(Collection::Sessions, 2),
                Read::Whole(Collection::Sessions),
                Read::Empty(Collection::Sessions),
            ]
        );
        assert!(FRAMES.with(|frames| frames.borrow().is_empty()));
    }
}
