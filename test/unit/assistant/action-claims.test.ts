import { describe, expect, it } from 'vitest';
import { ActionClaimGuard, claimedActions } from '../../../src/assistant/llm/action-claims.ts';

describe('claims of completed actions', () => {
  it('recognises claims by meaning, in English and French', () => {
    expect(claimedActions('Done!')).toEqual(['any']);
    expect(claimedActions("It's all taken care of.")).toEqual(['any']);
    expect(claimedActions('I have cancelled your order.')).toEqual(['cancel']);
    expect(claimedActions('Your refund has been issued.')).toEqual(['refund']);
    expect(claimedActions('Your address has been updated.')).toEqual(['address']);
    expect(claimedActions('We have started the exchange for you.')).toEqual(['exchange']);
    expect(claimedActions("C'est fait !")).toEqual(['any']);
    expect(claimedActions('Votre commande a bien été annulée.')).toEqual(['cancel']);
    expect(claimedActions("J'ai remboursé votre carte.")).toEqual(['refund']);
  });

  it('leaves ordinary sentences alone', () => {
    for (const sentence of ["I've sent you a preview, please confirm.", 'Once done, you get an email.', 'You are verified.', 'Your order shipped yesterday.', 'Do you want me to cancel it?', 'Je peux annuler la commande si vous confirmez.']) {
      expect(claimedActions(sentence), sentence).toEqual([]);
    }
  });

  it('allows a claim only for an action a tool executed', () => {
    const guard = new ActionClaimGuard();
    guard.record('escalate_to_human');
    expect(guard.allows('I have passed you to a colleague.')).toBe(true);
    expect(guard.allows('I have cancelled your order.')).toBe(false);
    expect(guard.allows('Anything else?')).toBe(false);
    expect(guard.blocked).toMatch(/cancel/);
  });
});
