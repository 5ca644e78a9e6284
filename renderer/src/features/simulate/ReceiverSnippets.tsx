import { useState } from 'react';
import type { ReceiverSnippet } from '../../../../shared/domain';
import { copySnippet } from '../../actions/simulate-actions';
import { useSimulateStore } from '../../state/simulate-store';
import { CopyIcon } from '../../ui/icons';
import { Loading } from '../../ui/Spinner';
import { TabPanel, Tabs } from '../../ui/Tabs';
import '../decrypt/input-card.css';
import './ReceiverSnippets.css';

const ID_PREFIX = 'snippet';

/** "Node.js (node:crypto)" → "Node.js": the tab says the language, the panel the details. */
function tabLabel(title: string): string {
  const [language = ''] = title.split(' (');
  return language;
}

/** The code with its key placeholder marked, so nobody misses where the key goes. */
function SnippetCode({ snippet }: { snippet: ReceiverSnippet }) {
  const parts = snippet.code.split(snippet.keyPlaceholder);
  return (
    <pre className="code-block" tabIndex={0} aria-label={`${snippet.title} receiver`}>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && <mark className="placeholder">{snippet.keyPlaceholder}</mark>}
          {part}
        </span>
      ))}
    </pre>
  );
}

/** Receivers that decrypt this format, in three languages; each has a placeholder where the key goes, never a key. */
export function ReceiverSnippets() {
  const snippets = useSimulateStore((s) => s.snippets);
  const [language, setLanguage] = useState<string | null>(null);
  const [first] = snippets ?? [];
  if (snippets === null || first === undefined) return <Loading label="Loading receiver snippets…" />;
  const current = snippets.find((s) => s.language === language) ?? first;
  return (
    <section className="card input-card" aria-labelledby="snippets-title" aria-describedby="snippets-description">
      <div className="section-header">
        <div>
          <h2 className="card-title" id="snippets-title">
            Receiver snippets
          </h2>
          <p className="card-description" id="snippets-description">
            Code that decrypts this payload in your receiver. Put the workflow’s key where{' '}
            <code className="inline-code">{current.keyPlaceholder}</code> stands, loaded from your secret store: a snippet never
            holds a key.
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void copySnippet(current.language, current.title)}>
            <CopyIcon />
            Copy snippet
          </button>
        </div>
      </div>
      <Tabs
        label="Receiver language"
        idPrefix={ID_PREFIX}
        tabs={snippets.map((s) => ({ id: s.language, label: tabLabel(s.title) }))}
        selected={current.language}
        onSelect={setLanguage}
        variant="compact"
      />
      {snippets.map((snippet) => (
        <TabPanel key={snippet.language} idPrefix={ID_PREFIX} id={snippet.language} selected={snippet === current}>
          <p className="snippet-caption">
            {snippet.title}: <code className="inline-code">{snippet.entryPoint}(body)</code> returns the decrypted body.
          </p>
          <SnippetCode snippet={snippet} />
        </TabPanel>
      ))}
    </section>
  );
}
