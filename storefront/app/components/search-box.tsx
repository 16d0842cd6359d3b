import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, Link, useNavigate } from 'react-router';
import { useClient } from 'urql';
import { useLocalized } from '../lib/format';
import { SUGGESTIONS_QUERY, type Suggestion, type SuggestionsData } from '../lib/queries';

const DEBOUNCE_MS = 180;
const MAX_SUGGESTIONS = 8;

function suggestionHref(s: Suggestion): string {
  switch (s.kind) {
    case 'PRODUCT':
      return `/products/${encodeURIComponent(s.id)}`;
    case 'BRAND':
      return `/products?brand=${encodeURIComponent(s.id)}`;
    case 'CATEGORY':
      return `/products?category=${encodeURIComponent(s.id)}`;
  }
}

/**
 * The search field: suggestions (brands, categories, products) appear as you type, after a short
 * pause; Enter searches the whole catalog (/products?q=).
 */
export function SearchBox({ defaultValue = '' }: { defaultValue?: string }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const client = useClient();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);

  useEffect(() => setText(defaultValue), [defaultValue]);

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setSuggestions([]);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      const result = await client
        .query<SuggestionsData>(
          SUGGESTIONS_QUERY,
          { text: query, first: MAX_SUGGESTIONS },
          { requestPolicy: 'cache-first' },
        )
        .toPromise();
      // Only the answer to the latest text counts; slower earlier answers are dropped.
      if (ticket !== latest.current) return;
      setSuggestions(result.data?.searchSuggestions ?? []);
      setActive(-1);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, client]);

  const shown = open && text.trim() !== '' && suggestions.length > 0;

  return (
    <div className="relative w-full">
      <Form
        method="get"
        action="/products"
        role="search"
        onSubmit={(event) => {
          if (shown && active >= 0 && suggestions[active]) {
            event.preventDefault();
            setOpen(false);
            navigate(suggestionHref(suggestions[active]));
          } else {
            setOpen(false);
          }
        }}
      >
        <label className="flex items-center gap-2 rounded-full bg-slate-100 px-3.5 py-2 ring-orange-500/30 focus-within:bg-white focus-within:ring-2">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-slate-400">
            <path d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l4 4a1 1 0 0 1-1.4 1.4l-4-4A6.5 6.5 0 1 1 8.5 2Zm0 2a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Z" />
          </svg>
          <span className="sr-only">{t('search.label')}</span>
          <input
            name="q"
            type="search"
            value={text}
            autoComplete="off"
            enterKeyHint="search"
            aria-controls={listId}
            data-testid="search-input"
            placeholder={t('search.placeholder')}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(event) => {
              if (!shown) return;
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setActive((i) => Math.min(i + 1, suggestions.length - 1));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActive((i) => Math.max(i - 1, -1));
              } else if (event.key === 'Escape') {
                setOpen(false);
              }
            }}
            className="w-full min-w-0 bg-transparent text-base text-slate-900 placeholder:text-slate-400 focus:outline-none sm:text-sm [&::-webkit-search-cancel-button]:hidden"
          />
        </label>
      </Form>
      {shown && (
        <ul
          id={listId}
          data-testid="search-suggestions"
          className="absolute inset-x-0 top-full z-30 mt-1.5 max-h-[70dvh] overflow-auto rounded-xl border border-slate-200 bg-white py-1 shadow-lg"
        >
          {suggestions.map((s, index) => (
            <li key={`${s.kind}:${s.id}`}>
              <Link
                to={suggestionHref(s)}
                data-testid="search-suggestion"
                data-kind={s.kind}
                data-id={s.id}
                aria-current={index === active ? 'true' : undefined}
                onClick={() => setOpen(false)}
                className={`flex items-center gap-3 px-3.5 py-2.5 text-sm ${index === active ? 'bg-orange-50' : 'hover:bg-slate-50'}`}
              >
                {s.kind === 'PRODUCT' && s.product?.images?.[0] ? (
                  <img
                    src={s.product.images[0]}
                    alt=""
                    className="size-8 rounded bg-slate-100 object-cover"
                  />
                ) : (
                  <span className="flex size-8 items-center justify-center rounded bg-slate-100 text-[10px] text-slate-500">
                    {t(`search.kind.${s.kind}`)}
                  </span>
                )}
                <span className="min-w-0 flex-1 truncate text-slate-800">{pick(s.text, s.textEn)}</span>
                {s.kind !== 'PRODUCT' && (
                  <span className="text-xs text-slate-400">{t(`search.kind.${s.kind}`)}</span>
                )}
              </Link>
            </li>
          ))}
          <li>
            <Link
              to={`/products?q=${encodeURIComponent(text.trim())}`}
              onClick={() => setOpen(false)}
              className="block border-t border-slate-100 px-3.5 py-2.5 text-sm text-orange-600"
            >
              {t('search.all', { text: text.trim() })}
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
