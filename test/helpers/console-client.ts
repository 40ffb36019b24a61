/**
 * A cookie-keeping client for the console, speaking plain HTTP like a browser would: it fetches
 * the login form, posts it with the form token, then carries the session cookie and CSRF token.
 */
export class ConsoleClient {
  cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader);
    let body = init.body;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(this.baseUrl + path, { ...init, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value = ''] = pair!.split('=');
      if (/Max-Age=0/.test(line)) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return response;
  }

  async signIn(email: string, password: string): Promise<Response> {
    const form = await (await this.request('/console/login')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const response = await this.request('/console/login', { method: 'POST', form: { _csrf: token, email, password, next: '/console' } });
    if (response.status === 303) {
      const me = await (await this.request('/console/api/me')).json() as { csrf_token: string };
      this.csrf = me.csrf_token;
    }
    return response;
  }

  post(path: string, form: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'POST', form: { _csrf: this.csrf, ...form } });
  }
}
