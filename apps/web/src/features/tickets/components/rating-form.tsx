import { useState } from 'react';
import type { TicketView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useRateTicket } from '../api/rate-ticket.ts';
import { useTicketText } from '../messages.ts';

/** The buyer rates a resolution: 1 to 5, with an optional comment; once rated, the rating shows. */
export function RatingForm({ ticket }: { ticket: TicketView }) {
  const tt = useTicketText();
  const rate = useRateTicket(ticket.id);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  if (!ticket.canRate) {
    return ticket.rating !== null ? <p className="alert alert--success" role="status">{tt('rate.done', { n: ticket.rating })}</p> : null;
  }
  return (
    <form className="card" onSubmit={(e) => { e.preventDefault(); if (rating) rate.mutate({ rating, ...(comment.trim() ? { comment } : {}) }); }}>
      <h2>{tt('rate.title')}</h2>
      <fieldset className="rating">
        <legend>{tt('rate.label')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} title={tt('rate.stars', { n })}>
            <input type="radio" name={`rating-${ticket.id}`} value={n} checked={rating === n} onChange={() => setRating(n)} aria-label={tt('rate.stars', { n })} />
            <span aria-hidden="true">{n}★</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`rating-comment-${ticket.id}`}>{tt('rate.comment')}</label>
        <textarea id={`rating-comment-${ticket.id}`} rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <FormAlert message={rate.error ? (rate.error instanceof ApiError ? (rate.error.fieldErrors[0]?.message ?? rate.error.message) : String(rate.error)) : null} />
      <button type="submit" className="btn btn--primary" disabled={!rating || rate.isPending}>{tt('rate.submit')}</button>
    </form>
  );
}
