import type OpenAI from 'openai';

export interface StepResult { content: string; toolCalls: Array<{ id: string; name: string; arguments: string }>; finishReason: string | null }

/**
 * Reads one streamed completion: content deltas go to `onText` as they arrive, tool-call
 * fragments are joined by index (the API sends the name once and the arguments in pieces).
 */
export async function readStep(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>, onText: (text: string) => void): Promise<StepResult> {
  let content = '';
  let finishReason: string | null = null;
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (!choice) continue;
    if (choice.delta?.content) {
      content += choice.delta.content;
      onText(choice.delta.content);
    }
    for (const fragment of choice.delta?.tool_calls ?? []) {
      const call = calls.get(fragment.index) ?? { id: '', name: '', arguments: '' };
      if (fragment.id) call.id = fragment.id;
      if (fragment.function?.name) call.name += fragment.function.name;
      if (fragment.function?.arguments) call.arguments += fragment.function.arguments;
      calls.set(fragment.index, call);
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  return { content, toolCalls: [...calls.values()].filter((call) => call.name), finishReason };
}
