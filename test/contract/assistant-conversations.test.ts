import { expect, it } from 'vitest';
import { ConversationStore, assistantMigrations } from '../../src/assistant/index.ts';
import { fixedClock } from '../../src/platform/index.ts';
import { onEveryDatabase } from '../helpers/databases.ts';
import { secondStorage } from './second-storage.ts';

const clock = fixedClock('2026-11-28T10:00:00Z');

await onEveryDatabase('ConversationStore contract', assistantMigrations, (open) => {
  it('creates a conversation, saves its state and lists messages after a seq with their events', async () => {
    const store = new ConversationStore((await open()).sql, clock);
    const conversation = await store.create('fr', 'https://shop.example');
    expect(conversation.state).toMatchObject({ locale: 'fr', handoff: 'none' });
    expect(await store.get('conv_missing')).toBeNull();
    await store.append(conversation.id, 'shopper', 'Bonjour');
    const reply = await store.append(conversation.id, 'assistant', 'Bonjour !', [{ type: 'handoff-status', status: 'offered' }]);
    expect(reply).toMatchObject({ seq: 2, role: 'assistant', author: null });
    await store.saveState(conversation.id, { ...conversation.state, locale: 'en', misses: 1 });
    expect((await store.get(conversation.id))!.state).toMatchObject({ locale: 'en', misses: 1 });
    expect(await store.messages(conversation.id, 1)).toEqual([{ ...reply }]);
    expect((await store.messages(conversation.id)).map((message) => message.seq)).toEqual([1, 2]);
  });

  it('gives concurrent appends from two replicas distinct, consecutive seq numbers', async () => {
    const storage = await open();
    const stores = [new ConversationStore(storage.sql, clock), new ConversationStore(secondStorage(storage).sql, clock)];
    const conversation = await stores[0]!.create('en', null);
    const appended = await Promise.all(Array.from({ length: 30 }, (_, index) => stores[index % 2]!.append(conversation.id, 'shopper', `message ${index}`)));
    expect(appended.map((message) => message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    const stored = await stores[1]!.messages(conversation.id);
    expect(stored.map((message) => message.seq)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(new Set(stored.map((message) => message.text)).size).toBe(30);
  });

  it('records a hand-off with its ticket, and an agent reply takes the conversation over', async () => {
    const storage = await open();
    const store = new ConversationStore(storage.sql, clock);
    const conversation = await store.create('en', null);
    expect(await store.setHandoff(conversation.id, 'requested', 'esc_1')).toBe(true);
    expect((await store.get(conversation.id))!.state).toMatchObject({ handoff: 'requested', ticketId: 'esc_1' });
    // The ticket is a real column, so the console finds the conversation without reading JSON.
    expect(await storage.sql.get('SELECT id, handoff FROM assistant_conversations WHERE ticket_id = ?', ['esc_1'])).toEqual({ id: conversation.id, handoff: 'requested' });
    const reply = await store.appendAgentReply(conversation.id, 'Hi, Sam here.', 'sam@example.com');
    expect(reply).toMatchObject({ seq: 1, role: 'agent', author: 'sam@example.com', text: 'Hi, Sam here.' });
    expect((await store.get(conversation.id))!.state).toMatchObject({ handoff: 'human', ticketId: 'esc_1' });
    await expect(store.appendAgentReply('conv_missing', 'Hello?', 'sam')).rejects.toThrow(/No conversation/);
    expect(await store.setHandoff('conv_missing', 'human')).toBe(false);
  });
});
