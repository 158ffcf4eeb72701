// Some OpenAI-compatible servers (proxies, older llama.cpp and vLLM builds, gateways that
// buffer) ignore `stream: true` and answer with one JSON chat.completion. The SDK expects
// server-sent events then and finds no text. This fetch wrapper turns such a reply into
// the equivalent event stream (content only: reasoning fields are not answer), so one
// code path reads both.

type Fetch = typeof globalThis.fetch;

function wantsStream(init: RequestInit | undefined): boolean {
  if (typeof init?.body !== 'string') return false;
  try {
    return JSON.parse(init.body).stream === true;
  } catch {
    return false;
  }
}

export function jsonCompletionAsStream(inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !/application\/json/i.test(type) || !wantsStream(init)) return res;
    const raw = await res.text();
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return new Response(raw, { status: res.status, headers: res.headers });
    }
    const choice = body?.choices?.[0];
    if (!choice || typeof choice.message !== 'object') return new Response(raw, { status: res.status, headers: res.headers });
    const base = { id: body.id ?? 'completion', object: 'chat.completion.chunk', created: body.created ?? 0, model: body.model ?? '' };
    const events = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: String(choice.message.content ?? '') }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: choice.finish_reason ?? 'stop' }] },
    ];
    const sse = events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') + 'data: [DONE]\n\n';
    return new Response(sse, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}
