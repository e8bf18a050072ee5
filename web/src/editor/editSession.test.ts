import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EditSession } from './editSession.js';

/** A session over one mutable object, as a view's draft. */
function session(): { draft: { value: number; items: number[] }; edits: EditSession } {
  const draft = { value: 0, items: [] as number[] };
  const edits = new EditSession(
    () => JSON.stringify(draft),
    (snapshot) => Object.assign(draft, JSON.parse(snapshot)),
  );
  return { draft, edits };
}

test('a typed edit is one undo step from the focus to the change event, whatever was typed in between', () => {
  const { draft, edits } = session();
  edits.beginEdit();
  draft.value = 1;
  edits.touch();
  draft.value = 12;
  edits.commit();
  assert.equal(edits.canUndo, true);
  assert.equal(edits.step('undo'), true);
  assert.equal(draft.value, 0);
  assert.equal(edits.canUndo, false);
  assert.equal(edits.step('redo'), true);
  assert.equal(draft.value, 12);
  assert.equal(edits.step('redo'), false, 'nothing more to redo');
});

test('a field focused and left unchanged records nothing; a value set without focus undoes to before it', () => {
  const { draft, edits } = session();
  edits.beginEdit();
  edits.commit();
  assert.equal(edits.canUndo, false);
  edits.commit();
  edits.clear();
  edits.touch();
  draft.value = 5;
  edits.commit();
  edits.step('undo');
  assert.equal(draft.value, 0);
});

test('a change is its own step, recorded only when it changed the draft; a new edit forgets the redo; clear forgets all', () => {
  const { draft, edits } = session();
  edits.change(() => undefined);
  assert.equal(edits.canUndo, false);
  edits.change(() => draft.items.push(1));
  edits.change(() => draft.items.push(2));
  edits.step('undo');
  assert.deepEqual(draft.items, [1]);
  assert.equal(edits.canRedo, true);
  edits.change(() => (draft.value = 3));
  assert.equal(edits.canRedo, false);
  edits.step('undo');
  edits.step('undo');
  assert.deepEqual(draft, { value: 0, items: [] });
  edits.clear();
  assert.equal(edits.canUndo || edits.canRedo, false);
});

test('a change made while a typed edit is pending undoes both together', () => {
  const { draft, edits } = session();
  edits.beginEdit();
  draft.value = 7;
  edits.change(() => draft.items.push(1));
  edits.step('undo');
  assert.deepEqual(draft, { value: 0, items: [] });
});
