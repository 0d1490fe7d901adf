import { pollsPart } from '@wir/feed';
import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { WirElement, customProperty, renderEmpty, renderError, renderLoading } from '@wir/core';
import type { Poll } from '@wir/feed';
import { castVote, flush, getRecord, recordId, solving, stored, subscribe } from './outbox.js';
import type { VoteRecord } from './outbox.js';
import { apiBase } from './vote-client.js';
import type { PollResults, PollState } from './vote-client.js';
import { PollStatusController } from './poll-status-controller.js';
import { WirVoteAcceptEvent, WirVoteRejectEvent, WirVoteSubmitEvent } from './events.js';
import { styles } from './voting-box.styles.js';

/**
 * Plain templates per level rather than lit/static-html, which would add its machinery to the
 * bundle. Levels below 3 are h2 (the lowest the box uses), levels above 5 are h6.
 */
function heading(level: number, id: string | typeof nothing, content: unknown): TemplateResult {
  return level < 3
    ? html`<h2 id=${id}>${content}</h2>`
    : level < 4
      ? html`<h3 id=${id}>${content}</h3>`
      : level < 5
        ? html`<h4 id=${id}>${content}</h4>`
        : level < 6
          ? html`<h5 id=${id}>${content}</h5>`
          : html`<h6 id=${id}>${content}</h6>`;
}

const DAY_FORMAT: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/** Rejections after which this browser cannot vote in the poll (others allow a corrected vote). */
const FINAL_REASONS = ['poll-closed', 'poll-not-open', 'unknown-poll', 'origin-not-allowed', 'not-found'];

/**
 * A poll from the strategy feed as an accessible form: the question as the legend of a radio
 * group (one answer) or a checkbox group (up to `maxChoices`), opening and closing times in the
 * reader's language, a confirmation that takes the focus, and the results as a list with numbers
 * and percentages in text (the bars are decoration) when the poll's rule allows.
 *
 * A vote is written to this browser's storage before it is sent and stays there until the vote
 * API acknowledged it, so no reload, crash or lost connection loses it, and no retry counts twice.
 *
 * @summary A poll from the strategy feed: vote, confirmation, live results.
 *
 * @csspart base - The widget region (`<section>`), labelled by the question. It also has the part `phase-not-open`, `phase-open` or `phase-closed` (and carries `data-phase` for scripts).
 * @csspart form - The `<form>` while voting is possible.
 * @csspart question - The question heading (inside the fieldset's legend while voting).
 * @csspart description - The poll's description from the feed.
 * @csspart times - When the poll opens or closes.
 * @csspart hint - "Choose one answer" / "Choose up to N answers".
 * @csspart options - The group of answers.
 * @csspart option - One answer: its label with the radio button or checkbox.
 * @csspart note - Form feedback (nothing chosen, too many), an alert.
 * @csspart submit-button - The vote button.
 * @csspart message - The vote's status: sending, kept for later, counted, not counted. It also has the part `message-pending`, `message-sent` or `message-rejected`.
 * @csspart send-button - "Send now" while a vote waits in the queue.
 * @csspart results - The results block.
 * @csspart result - One answer's result; the reader's own choice also has the part `result-mine`.
 * @csspart bar - The decorative bar of one result.
 * @csspart total - The number of participants.
 * @csspart refresh-button - Asks the server for the latest results (and announces them).
 * @csspart results-note - Why results are not shown (yet).
 * @csspart loading - The loading placeholder.
 * @csspart error - The feed's error message, or the message naming a poll id the feed lacks.
 * @csspart retry-button - The retry button of the feed's error state.
 * @csspart empty - The message when no feed is given.
 * @csspart selection-note - In a widget group: the action field chosen in another widget, with `selection-clear`.
 * @csspart selection-clear - The "Auswahl aufheben" button of the selection note.
 * @csspart easy-language - The Leichte Sprache switch (German readers, feeds with easy-German texts).
 * @csspart freshness - The "Stand:" line with the feed's date, and an offline badge on a saved copy.
 *
 * @cssprop --wir-voting-box-min-height - Height reserved while loading (default 18rem).
 * @cssprop --wir-voting-box-padding - Inner padding (default --wir-space-l).
 * @cssprop --wir-voting-box-bar-color - Colour of the result bars (default --wir-color-accent).
 * @cssprop --wir-voting-box-bar-track - Colour behind the result bars (default --wir-color-skeleton).
 * @cssprop --wir-color-accent - Buttons, selected answers and bars; see @wir/core for all tokens.
 *
 * @fires {WirVoteSubmitEvent} wir-vote-submit - The reader submitted a vote; detail `{ poll, options }`. Only on user action.
 * @fires {WirVoteAcceptEvent} wir-vote-accept - The API acknowledged the vote submitted here; detail `{ poll, options, replayed }`.
 * @fires {WirVoteRejectEvent} wir-vote-reject - The API refused the vote submitted here for good; detail `{ poll, reason }`.
 * @fires {WirFeedLoadEvent} wir-feed-load - The feed loaded (from @wir/core).
 * @fires {WirFeedErrorEvent} wir-feed-error - The feed failed to load (from @wir/core).
 */
export class WirVotingBox extends WirElement {
  static override styles = [...WirElement.styles, styles];
  static override feedPart = pollsPart;
  // Declared statically rather than with decorators, which would add their helper to the bundle.
  static override properties: PropertyDeclarations = {
    poll: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level', reflect: true },
  };

  /** Id of the poll in the feed's `polls`, e.g. `runder-tisch-thema`. */
  poll?: string;

  /** Level of the question heading (2–6, default 2); the results heading is one below. */
  headingLevel = 2;

  readonly #status = new PollStatusController(this, () => {
    const poll = this.#pollData;
    const base = apiBase(poll?.api);
    if (!poll || !base) return undefined;
    const record = getRecord(base, poll.id);
    return {
      base,
      poll: poll.id,
      voter: record?.status === 'sent' ? record.voter : undefined,
      boundaries: [Date.parse(poll.opens), Date.parse(poll.closes)],
    };
  });

  #unsubscribe?: () => void;
  // Form feedback as a key, put into words while rendering (msg() speaks the element's language only then).
  #note: '' | 'empty' | 'limit' = '';
  #refreshed?: boolean;
  #announcement?: string;
  #messageKey?: string;
  #focusMessage?: boolean;
  #focusTimes?: boolean;
  #hadForm?: boolean;
  // The key of the vote this element submitted in this page until its final word (events are fired for it only).
  #submittedKey?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = subscribe((id, local) => this.#onOutboxChange(id, local));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  /**
   * The poll shown: in a widget group, the poll about the action field (or a field serving the
   * guideline) chosen elsewhere, if the feed has one; else the `poll` attribute's.
   */
  get #pollData(): Poll | undefined {
    return this.#followed || this.feed.feed?.polls.find((p) => p.id === this.poll?.trim());
  }

  get #followed(): Poll | undefined {
    const fields = this.selectedFields();
    return fields && this.feed.feed?.polls.find((p) => p.actionFields?.some((id) => fields.has(id)));
  }

  #onOutboxChange(id: string, local: boolean): void {
    const poll = this.#pollData;
    const base = apiBase(poll?.api);
    if (!base || !poll || id !== recordId(base, poll.id)) return;
    this.requestUpdate();
    const record = getRecord(base, poll.id);
    // A refusal that brings the form back replaces the focused message: keep the focus on the new
    // message rather than letting it fall to the page. Where the message stays, it keeps the focus
    // and the live region speaks the refusal.
    if (record?.status === 'rejected' && this.#phase(poll) === 'open' && !FINAL_REASONS.includes(record.reason ?? '') && this.shadowRoot?.activeElement?.closest('.message')) this.#focusMessage = true;
    if (!local || !record || record.key !== this.#submittedKey || record.status === 'pending') return;
    // The final word on the vote submitted here, told once.
    this.#submittedKey = undefined;
    this.dispatchEvent(
      record.status === 'sent'
        ? new WirVoteAcceptEvent({ poll: poll.id, options: record.options, replayed: !!record.reason })
        : new WirVoteRejectEvent({ poll: poll.id, reason: record.reason ?? '' }),
    );
  }

  // --- state ----------------------------------------------------------------------------------

  /**
   * The server's state when it answered (its clock decides), else the feed's times by ours. Past
   * the closing time, an answer from before it no longer counts: a server out of reach at closing
   * time must not leave the form open for votes it would refuse.
   */
  #phase(poll: Poll): PollState {
    const now = Date.now();
    const closes = Date.parse(poll.closes);
    return (now < closes || +this.#status.checked! > closes ? this.#status.data?.state : undefined) ?? (now < Date.parse(poll.opens) ? 'not-open' : now < closes ? 'open' : 'closed');
  }

  // The feed's validation allows maxChoices only on a multiple-choice poll, and no more than its options.
  #maxChoices(poll: Poll): number {
    return poll.maxChoices ?? (poll.choice === 'multiple' ? poll.options.length : 1);
  }

  // --- user actions ---------------------------------------------------------------------------

  /** The ticked answers. */
  #chosen(): HTMLInputElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLInputElement>('input:checked')];
  }

  #setNote(note: '' | 'empty' | 'limit'): void {
    this.#note = note;
    this.requestUpdate();
  }

  // Prevents the check rather than disabling the other boxes: disabled boxes would be skipped by
  // the keyboard and say nothing about why. (A radio group never has more than one checked.)
  #onOptionClick(event: MouseEvent, max: number): void {
    const over = (event.target as HTMLInputElement).checked && this.#chosen().length > max;
    if (over) event.preventDefault();
    this.#setNote(over ? 'limit' : '');
  }

  #onSubmit(event: SubmitEvent, poll: Poll, base: string): void {
    event.preventDefault();
    const chosen = this.#chosen().map((i) => i.value);
    if (!chosen.length || chosen.length > this.#maxChoices(poll)) {
      this.#setNote('empty');
      this.renderRoot.querySelector('input')?.focus();
      return;
    }
    this.#note = '';
    this.dispatchEvent(new WirVoteSubmitEvent({ poll: poll.id, options: chosen }));
    const record = castVote(base, poll.id, chosen, this.#status.data?.challengeRequired);
    // Another tab queued a vote a moment ago: that one stays and is shown, this one is refused.
    if (record) this.#submittedKey = record.key;
    else this.dispatchEvent(new WirVoteRejectEvent({ poll: poll.id, reason: 'already-voted' }));
    this.#focusMessage = true;
    this.requestUpdate();
  }

  async #refreshResults(): Promise<void> {
    await this.#status.refresh();
    this.#refreshed = true;
    this.requestUpdate();
  }

  // A changed text is what makes a live region speak, so a repeat gets an invisible difference.
  #announce(text: string): void {
    this.#announcement = text === this.#announcement ? `${text}\u00a0` : text;
  }

  protected override updated(): void {
    if (this.#focusMessage || this.#focusTimes) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusTimes ? '.times' : '.message')?.focus();
      this.#focusMessage = this.#focusTimes = false;
    }
  }

  // --- text -----------------------------------------------------------------------------------

  /**
   * Regional formats (ar-EG digits) when the UI speaks that language, else the UI language's.
   * `locale` is canonical (lower-case language first) and the UI locales are bare languages.
   */
  get #formatLocale(): string {
    return this.locale.split('-')[0] === this.uiLocale ? this.locale : this.uiLocale;
  }

  #number(value: number, options?: Intl.NumberFormatOptions): string {
    return value.toLocaleString(this.#formatLocale, options);
  }

  // With the time zone: a poll closes at 23:59 in Hannover, and a reader elsewhere sees their own time.
  #date(value: string | number | Date, day = true): string {
    return new Date(value).toLocaleString(this.#formatLocale, { ...(day && DAY_FORMAT), hour: '2-digit', minute: '2-digit', timeZoneName: day ? 'short' : undefined });
  }

  #resultsUnavailable(): string {
    return msg('Die Ergebnisse können gerade nicht geladen werden.', { id: 'vote.resultsUnavailable', desc: 'The vote server did not answer, so results cannot be shown now.' });
  }

  // One conditional expression rather than a switch or if-returns, which the minifier leaves longer.
  #reasonText(reason = '', poll: Poll): string {
    const max = this.#number(this.#maxChoices(poll));
    const code = reason;
    return reason === 'poll-closed'
      ? msg('Die Abstimmung ist bereits beendet.', { id: 'vote.reason.closed', desc: 'Why a vote was not counted: the poll had closed.' })
      : reason === 'poll-not-open'
        ? msg('Die Abstimmung hat noch nicht begonnen.', { id: 'vote.reason.notOpen', desc: 'Why a vote was not counted: the poll had not opened yet.' })
        : reason === 'unknown-option' || reason === 'duplicate-option' || reason === 'no-option'
          ? msg('Eine gewählte Antwort gibt es bei dieser Abstimmung nicht. Bitte wählen Sie erneut.', { id: 'vote.reason.option', desc: 'Why a vote was not counted: the server does not know a chosen answer (the poll was changed).' })
          : reason === 'too-many-options'
            ? msg(str`Es waren mehr Antworten gewählt als erlaubt. Bitte wählen Sie höchstens ${max}.`, { id: 'vote.reason.tooMany', desc: 'Why a vote was not counted: too many answers; the placeholder is the maximum.' })
            : reason === 'unknown-poll'
              ? msg('Der Abstimmungsserver kennt diese Abstimmung nicht.', { id: 'vote.reason.unknownPoll', desc: 'Why a vote was not counted: the vote server has no such poll.' })
              : reason === 'origin-not-allowed'
                ? msg('Diese Website ist für die Abstimmung nicht freigeschaltet.', { id: 'vote.reason.origin', desc: 'Why a vote was not counted: the vote server does not accept votes from this website.' })
                : reason.startsWith('challenge-')
                  ? msg('Die Sicherheitsprüfung ist fehlgeschlagen.', { id: 'vote.reason.challenge', desc: 'Why a vote was not counted: the automatic anti-abuse check (proof of work) failed.' })
                  : msg(str`Der Abstimmungsserver hat die Stimme abgelehnt (Code: ${code}).`, { id: 'vote.reason.other', desc: 'Why a vote was not counted, for any other refusal; the placeholder is a technical code like "invalid-body". Keep it verbatim.' });
  }

  // --- rendering ------------------------------------------------------------------------------

  #times(poll: Poll, phase: PollState): string {
    const opens = this.#date(poll.opens);
    const closes = this.#date(poll.closes);
    return phase === 'not-open'
      ? msg(str`Die Abstimmung beginnt am ${opens}.`, { id: 'vote.opens', desc: 'When a poll that has not started yet opens; the placeholder is a date and time like "1. Januar 2027 um 00:00".' })
      : phase === 'open'
        ? msg(str`Abstimmen bis: ${closes}`, { id: 'vote.closesAt', desc: 'Label with the closing date and time of an open poll.' })
        : msg(str`Die Abstimmung ist beendet (seit ${closes}).`, { id: 'vote.closed', desc: 'A poll that has closed; the placeholder is its closing date and time.' });
  }

  #renderIntro(poll: Poll, phase: PollState): TemplateResult {
    return html`${poll.description ? html`<p part="description">${this.t(poll.description)}</p>` : nothing}
      <p class="times" part="times" tabindex="-1">${this.#times(poll, phase)}</p>`;
  }

  #renderMessage(poll: Poll, record: VoteRecord | undefined): TemplateResult | typeof nothing {
    if (!record) return nothing;
    const labels = poll.options.filter((o) => record.options.includes(o.id)).map((o) => this.resolve(o.label)?.text ?? o.id);
    const choice = new Intl.ListFormat(this.#formatLocale, { type: 'unit' }).format(labels);
    const share = solving(record.api, record.poll);
    const pending = record.status === 'pending';
    const unstored = pending && !stored(record.api, record.poll);
    // A pending vote with a reason waits for its next try (the last one failed): the reader may
    // try now instead. While the proof of work runs, it is being sent.
    const canSend = pending && !!record.reason && share === undefined;
    const percent = this.#number(share ?? 0, { style: 'percent' });
    const at = this.#date(record.next, false);
    // The headline says where the vote is; the detail why it was refused or how it will be sent.
    let title =
      record.status === 'sent'
        ? record.reason === 'already-voted'
          ? msg('Aus diesem Browser wurde bei dieser Abstimmung schon eine Stimme gezählt.', { id: 'vote.alreadyVoted', desc: 'The server says this browser already voted in this poll (e.g. in another tab).' })
          : msg('Vielen Dank! Ihre Stimme wurde gezählt.', { id: 'vote.counted', desc: 'Confirmation after the vote server acknowledged the vote.' })
        : record.status === 'rejected'
          ? msg('Ihre Stimme wurde nicht gezählt.', { id: 'vote.rejected', desc: 'Headline when the vote server refused a vote for good; the reason follows.' })
          : share !== undefined
            ? msg(str`Sicherheitsprüfung im Browser: ${percent}`, { id: 'vote.proving', desc: 'Progress of the automatic anti-abuse check (a computation in the browser, no puzzle) before the vote is sent; the placeholder is a percentage.' })
            : canSend
              ? msg('Ihre Stimme ist in diesem Browser gespeichert.', { id: 'vote.kept', desc: 'Headline when a vote could not be delivered yet but is stored locally and will be sent later.' })
              : msg('Ihre Stimme wird gesendet …', { id: 'vote.sending', desc: 'Shown while the vote is on its way to the server.' });
    let detail =
      record.status === 'rejected'
        ? this.#reasonText(record.reason, poll)
        : !canSend
          ? undefined
          : record.reason === 'rate-limited'
            ? msg(str`Gerade kommen sehr viele Stimmen aus Ihrem Netzwerk. Sie wird um ${at} automatisch gesendet.`, { id: 'vote.rateLimited', desc: 'The vote server asked to wait (rate limit); the placeholder is the time of the next automatic try, like "14:05".' })
            : unstored
              ? msg('Der Abstimmungsserver ist gerade nicht erreichbar. Sie wird automatisch gesendet, sobald er wieder antwortet.', { id: 'vote.unreachableNow', desc: 'The vote server cannot be reached; the vote (kept only in the open page, see vote.keepOpen) will be sent automatically when it answers again.' })
              : msg('Der Abstimmungsserver ist gerade nicht erreichbar. Sie wird automatisch gesendet, sobald er wieder antwortet – auch wenn Sie die Seite später erneut öffnen.', { id: 'vote.unreachable', desc: 'The vote server cannot be reached; the stored vote will be sent automatically later.' });
    if (unstored) {
      // Only this page holds the vote (storage full or blocked): that, and what the reader can do
      // about it, comes first; the state's own line (sending, progress, why it waits) follows.
      detail = detail ?? title;
      title = msg('Ihre Stimme konnte in diesem Browser nicht gespeichert werden.', { id: 'vote.notStored', desc: 'Headline when the browser refused to store the vote (storage full or blocked); it is sent from the open page only.' });
    }
    // The live region speaks when the state changes without a user action right now (delivered
    // after a retry, refused); the proof of work and its percentages are not part of the key, so
    // they stay quiet, also on every retry.
    const key = `${record.key}|${record.status}|${record.reason}|${unstored}`;
    if (this.#messageKey !== undefined && this.#messageKey !== key && !this.#focusMessage) this.#announce([title, detail].filter(Boolean).join(' '));
    this.#messageKey = key;
    return html`<div class="message" part="message message-${record.status}" data-status=${record.status} tabindex="-1">
      <p class="message-title">${title}</p>
      ${unstored
        ? html`<p>${msg('Sie wird nur gesendet, solange diese Seite geöffnet ist. Bitte schließen Sie die Seite erst, wenn hier steht, dass Ihre Stimme gezählt wurde.', { id: 'vote.keepOpen', desc: 'Follows vote.notStored: the vote is sent only while this page stays open, so the reader should keep it open until the confirmation (vote.counted) appears.' })}</p>`
        : nothing}
      ${detail ? html`<p>${detail}</p>` : nothing}
      ${record.status !== 'rejected' && record.reason !== 'already-voted' && labels.length
        ? html`<p>${msg(str`Ihre Wahl: ${choice}`, { id: 'vote.yourChoice', desc: 'The answers the reader chose; the placeholder is one answer or a list of answers.' })}</p>`
        : nothing}
      ${canSend
        ? html`<button class="wir-button" part="send-button" type="button" @click=${() => {
            // The button goes once the vote is counted: the focus goes to the message, not the page.
            this.#focusMessage = true;
            flush(true);
          }}>
            ${msg('Jetzt senden', { id: 'vote.sendNow', desc: 'Button that tries to send a stored vote right away.' })}
          </button>`
        : nothing}
    </div>`;
  }

  #renderForm(poll: Poll, base: string, level: number, phase: PollState, record: VoteRecord | undefined): TemplateResult {
    const max = this.#maxChoices(poll);
    const multiple = poll.choice === 'multiple';
    const maxText = this.#number(max);
    const hint = !multiple
      ? msg('Wählen Sie eine Antwort.', { id: 'vote.hintSingle', desc: 'Instruction for a single-choice poll.' })
      : max < poll.options.length
        ? msg(str`Sie können bis zu ${maxText} Antworten wählen.`, { id: 'vote.hintMax', desc: 'Instruction for a multiple-choice poll with a maximum; the placeholder is the maximum (2 or more).' })
        : msg('Sie können mehrere Antworten wählen.', { id: 'vote.hintMultiple', desc: 'Instruction for a multiple-choice poll without a maximum.' });
    const prefill = record?.status === 'rejected' ? record.options : [];
    return html`<form class="form" part="form" novalidate @submit=${(e: SubmitEvent) => this.#onSubmit(e, poll, base)}>
      <fieldset aria-describedby="hint">
        <legend part="question">${heading(level, 'question', this.t(poll.question))}</legend>
        ${this.#renderIntro(poll, phase)} ${this.#renderMessage(poll, record)}
        <p class="hint" part="hint" id="hint">${hint}</p>
        <div class="options" part="options">
          ${poll.options.map(
            (option) => html`<label class="option" part="option">
              <input type=${multiple ? 'checkbox' : 'radio'} name="choice" value=${option.id} ?checked=${prefill.includes(option.id)} @click=${(e: MouseEvent) => this.#onOptionClick(e, max)}>
              <span>${this.t(option.label)}</span>
            </label>`,
          )}
        </div>
        <p class="note" part="note" role="alert">
          ${this.#note === 'limit'
            ? msg(str`Sie können höchstens ${maxText} Antworten wählen. Entfernen Sie zuerst ein Häkchen.`, { id: 'vote.tooMany', desc: 'Said when the reader tries to tick more answers than allowed; the placeholder is the maximum (2 or more).' })
            : this.#note
              ? msg('Bitte wählen Sie eine Antwort aus.', { id: 'vote.noChoice', desc: 'Said when the reader submits without choosing an answer.' })
              : nothing}
        </p>
      </fieldset>
      <button class="wir-button" part="submit-button" data-variant="primary" type="submit">
        ${msg('Abstimmen', { id: 'vote.submit', desc: 'The button that sends the vote.' })}
      </button>
    </form>`;
  }

  #renderResults(poll: Poll, results: PollResults, mine: string[], level: number, phase: PollState): TemplateResult {
    const total = results.total;
    const participants = this.#number(total);
    // Results only come with an answer, which also set `checked`.
    const time = this.#date(this.#status.checked!, false);
    return html`<div class="results" part="results">
      ${heading(level + 1, nothing, phase === 'closed' ? msg('Ergebnis', { id: 'vote.result', desc: 'Heading of the final results of a closed poll.' }) : msg('Zwischenstand', { id: 'vote.interim', desc: 'Heading of the results while the poll is still open.' }))}
      <ul class="result-list">
        ${poll.options.map((option) => {
          const count = results.counts[option.id] ?? 0;
          const share = count / total || 0; // 0 of 0 is 0 %
          const isMine = mine.includes(option.id);
          const votes = this.#number(count);
          const percent = this.#number(share, { style: 'percent', maximumFractionDigits: 1 });
          return html`<li class="result" part=${isMine ? 'result result-mine' : 'result'} ?data-mine=${isMine}>
            <span class="result-label">${this.t(option.label)}${isMine
                ? html` <strong>(${msg('Ihre Wahl', { id: 'vote.mine', desc: 'Marks the answer the reader chose in the results list.' })})</strong>`
                : nothing}</span>
            <span class="figures">${msg(str`Stimmen: ${votes} (${percent})`, { id: 'vote.figures', desc: 'Votes for one answer and their share of all participants, e.g. "Stimmen: 41 (78,8 %)".' })}</span>
            <span class="bar" part="bar" aria-hidden="true"><span class="fill" ${customProperty('--_share', `${share * 100}%`)}></span></span>
          </li>`;
        })}
      </ul>
      <p class="total" part="total">
        ${msg(str`Abgestimmt haben: ${participants}`, { id: 'vote.total', desc: 'Number of people who took part (ballots cast).' })}${poll.choice === 'multiple'
          ? html`<br>${msg('Mehrere Antworten waren möglich, daher können die Anteile zusammen mehr als 100 % ergeben.', { id: 'vote.multipleShares', desc: 'Note under the results of a multiple-choice poll.' })}`
          : nothing}
      </p>
      ${phase === 'open'
        ? html`<p class="updated">
            ${msg(str`Stand: ${time}`, { id: 'vote.asOf', desc: 'Time the shown results were last confirmed by the server, e.g. "Stand: 14:03".' })}
            <button class="wir-button" part="refresh-button" type="button" @click=${() => this.#refreshResults()}>
              ${msg('Aktualisieren', { id: 'vote.refresh', desc: 'Button that loads the latest results and announces them.' })}
            </button>
          </p>`
        : nothing}
    </div>`;
  }

  #renderResultsBlock(poll: Poll, record: VoteRecord | undefined, level: number, phase: PollState): TemplateResult | typeof nothing {
    const results = this.#status.data?.results;
    const counted = record?.status === 'sent';
    // Why there are no results (yet), if there are none.
    const note =
      poll.results === 'after-close' && phase !== 'closed'
        ? msg('Die Ergebnisse werden nach dem Ende der Abstimmung veröffentlicht.', { id: 'vote.hiddenUntilClose', desc: 'Results of this poll are published only after it closes.' })
        : poll.results === 'after-vote' && phase === 'open' && !counted
          ? msg('Die Ergebnisse sehen Sie, sobald Ihre Stimme gezählt ist.', { id: 'vote.hiddenUntilVote', desc: 'Results of this poll are shown to a reader once their vote was counted.' })
          : this.#status.error && this.#resultsUnavailable();
    return results
      ? this.#renderResults(poll, results, counted && record.reason !== 'already-voted' ? record.options : [], level, phase)
      : note
        ? html`<p class="results-note" part="results-note">${note}</p>`
        : nothing;
  }

  #renderPoll(poll: Poll, base: string): TemplateResult {
    // A fraction needs no rounding: heading() compares with whole levels.
    const level = Math.max(Number(this.headingLevel) || 2, 2);
    const phase = this.#phase(poll);
    const record = getRecord(base, poll.id);
    if (this.#refreshed) {
      this.#refreshed = false;
      // A failed request keeps the last results on screen; they were not updated.
      const results = !this.#status.error && this.#status.data?.results;
      const total = results && this.#number(results.total);
      this.#announce(
        total
          ? msg(str`Ergebnisse aktualisiert. Abgestimmt haben: ${total}.`, { id: 'vote.refreshed', desc: 'Announced to screen readers after the reader asked for the latest results; the placeholder is the number of participants.' })
          : this.#resultsUnavailable(),
      );
    }
    const canVote =
      phase === 'open' && (!record || (record.status === 'rejected' && !FINAL_REASONS.includes(record.reason ?? '')));
    // The poll closed by the clock under the reader's eyes: the form goes, and that is said. Focus
    // in the form moves to the line saying so (which reads it out); else the live region says it.
    if (this.#hadForm && phase === 'closed') {
      if (this.shadowRoot?.activeElement?.closest('form')) this.#focusTimes = true;
      else this.#announce(this.#times(poll, phase));
    }
    this.#hadForm = canVote;
    return html`<section class="base" part="base phase-${phase}" lang=${this.uiLocale} dir=${this.dir} aria-labelledby="question" data-phase=${phase}>
      ${this.renderEasyToggle()} ${this.#followed ? this.renderSelectionNote() : nothing}
      ${canVote
        ? this.#renderForm(poll, base, level, phase, record)
        : html`<div part="question">${heading(level, 'question', this.t(poll.question))}</div>
            ${this.#renderIntro(poll, phase)} ${this.#renderMessage(poll, record)}
            ${phase === 'not-open'
              ? html`<ul class="preview" part="options">
                  ${poll.options.map((option) => html`<li>${this.t(option.label)}</li>`)}
                </ul>`
              : nothing}`}
      ${this.#renderResultsBlock(poll, record, level, phase)}
      <p class="visually-hidden" role="status">${this.#announcement}</p>
      ${this.renderFreshness()}
    </section>`;
  }

  // Loading, error and empty states, and a poll the box cannot show.
  #renderState(): TemplateResult {
    const { state, error } = this.feed;
    const id = this.poll?.trim();
    return state === 'loading'
      ? renderLoading('var(--wir-voting-box-min-height, 18rem)')
      : state === 'error'
        ? renderError(error!, () => this.feed.retry())
        : state === 'idle'
          ? renderEmpty(msg('Für diese Abstimmung ist keine Datenquelle angegeben.', { id: 'vote.noSource', desc: 'Shown when the element has no feed URL (no src attribute, no page default).' }))
          : html`<div class="wir-state wir-error" part="error" role="alert">
              <p class="wir-state-detail">
                ${this.#pollData
                  ? msg('Für diese Abstimmung ist keine gültige Adresse des Abstimmungsservers angegeben.', { id: 'vote.badApi', desc: 'The poll in the feed has no usable vote server address (api).' })
                  : id
                    ? msg(str`Die Abstimmung „${id}“ gibt es in den Strategie-Daten nicht.`, { id: 'vote.unknownPoll', desc: 'The poll attribute names an id the feed does not contain; the placeholder is that id. Keep it verbatim.' })
                    : msg('Es ist keine Abstimmung angegeben (Attribut „poll“).', { id: 'vote.noPoll', desc: 'The element has no poll attribute. Keep the attribute name poll verbatim.' })}
              </p>
            </div>`;
  }

  protected override render(): TemplateResult {
    const poll = this.#pollData;
    const base = apiBase(poll?.api);
    // The states carry the UI language and direction like the poll does.
    return this.feed.state === 'ready' && poll && base
      ? this.#renderPoll(poll, base)
      : html`<div lang=${this.uiLocale} dir=${this.dir}>${this.#renderState()}</div>`;
  }
}
