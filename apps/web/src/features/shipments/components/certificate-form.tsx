import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ContractExecutionView, ShipmentView } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { useCreateCertificate } from '../api/create-certificate.ts';
import { useShipmentsText } from '../messages.ts';

type Result = { test: string; standard: string; result: string; pass: boolean };
const blank = (): Result => ({ test: '', standard: '', result: '', pass: true });

/**
 * Staff record the quality certificate of a batch in this shipment: the product (one of the
 * shipment's lines), batch and production date, the certificate's number, issuer and key results,
 * and the certificate as issued. The buyer then finds it by batch number, product or contract.
 */
export function CertificateForm({ execution, shipment, today }: { execution: ContractExecutionView; shipment: ShipmentView; today: string }) {
  const { s } = useShipmentsText();
  const create = useCreateCertificate();
  const products = shipment.lines
    .map((l) => ({ line: l, productId: execution.lines.find((p) => p.contractLineNo === l.contractLineNo)?.productId ?? null }))
    .filter((p): p is { line: ShipmentView['lines'][number]; productId: string } => p.productId !== null);
  const inspected = [...shipment.events].reverse().find((e) => e.milestone === 'INSPECTION_PASSED' && e.batchNo)?.batchNo ?? '';
  const [lineNo, setLineNo] = useState(products[0]?.line.contractLineNo ?? 0);
  const [results, setResults] = useState<Result[]>([blank()]);
  const empty = { batchNo: inspected, producedOn: '', quantity: products[0]?.line.quantity ?? '', certificateNo: '', issuedOn: today, issuer: '' };
  const [values, setValues] = useState(empty);
  const file = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<{ summary: string; fields: Record<string, string> } | null>(null);
  const [saved, setSaved] = useState<{ id: string; number: string } | null>(null);
  const id = (name: string) => `cert-${shipment.id}-${name}`;
  if (products.length === 0) return <p className="muted">{s('cert.noProduct')}</p>;
  const chosen = products.find((p) => p.line.contractLineNo === lineNo) ?? products[0]!;

  const fieldError = (field: string) => errors?.fields[`body.${field}`];
  const described = (field: string) => (fieldError(field) ? { 'aria-invalid': true, 'aria-describedby': id(`${field}-error`) } : {});
  const errorOf = (field: string) => fieldError(field) && <span className="field__error" id={id(`${field}-error`)}>{fieldError(field)}</span>;
  const setResult = (i: number, patch: Partial<Result>) => setResults(results.map((r, n) => (n === i ? { ...r, ...patch } : r)));

  const bind = (name: keyof typeof empty) => ({ id: id(name), name, value: values[name], onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }) });
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const text = (name: keyof typeof empty) => values[name].trim();
    const chosenFile = file.current?.files?.[0];
    setErrors(null);
    setSaved(null);
    create.mutate(
      {
        body: {
          productId: chosen.productId, batchNo: text('batchNo'), producedOn: text('producedOn'), quantity: text('quantity'), certificateNo: text('certificateNo'),
          issuedOn: text('issuedOn'), issuer: text('issuer'), contractId: execution.contract.id, shipmentId: shipment.id,
          results: results.map((r) => ({ test: r.test.trim(), result: r.result.trim(), pass: r.pass, ...(r.standard.trim() ? { standard: r.standard.trim() } : {}) })),
        },
        file: chosenFile && chosenFile.size > 0 ? chosenFile : null,
      },
      {
        onError: (e) => setErrors(e instanceof ApiError
          ? { summary: e.message, fields: Object.fromEntries(e.fieldErrors.map((x) => [x.field, x.message])) }
          : { summary: String(e), fields: {} }),
        onSuccess: (c) => {
          setSaved({ id: c.id, number: c.certificateNo });
          setResults([blank()]);
          setValues(empty);
          if (file.current) file.current.value = '';
        },
      },
    );
  };

  return (
    <form className="form card card--flat" onSubmit={submit} aria-labelledby={id('title')} noValidate>
      <h3 id={id('title')}>{s('cert.title')}</h3>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={id('line')}>{s('cert.line')}</label>
          <select id={id('line')} value={chosen.line.contractLineNo} onChange={(e) => {
            const no = Number(e.target.value);
            setLineNo(no);
            setValues({ ...values, quantity: products.find((p) => p.line.contractLineNo === no)?.line.quantity ?? '' });
          }}>
            {products.map((p) => <option key={p.line.contractLineNo} value={p.line.contractLineNo}>{p.line.description}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor={id('batchNo')}>{s('qc.batch')}</label><input {...bind('batchNo')} required maxLength={60} {...described('batchNo')} />{errorOf('batchNo')}</div>
        <div className="field">
          <label htmlFor={id('quantity')}>{s('qc.quantity')} ({chosen.line.unit})</label>
          <input {...bind('quantity')} inputMode="decimal" required {...described('quantity')} />{errorOf('quantity')}
        </div>
        <div className="field"><label htmlFor={id('producedOn')}>{s('qc.produced')}</label><input {...bind('producedOn')} type="date" max={today} required {...described('producedOn')} />{errorOf('producedOn')}</div>
        <div className="field"><label htmlFor={id('certificateNo')}>{s('cert.number')}</label><input {...bind('certificateNo')} required maxLength={60} {...described('certificateNo')} />{errorOf('certificateNo')}</div>
        <div className="field"><label htmlFor={id('issuedOn')}>{s('qc.issued')}</label><input {...bind('issuedOn')} type="date" max={today} required {...described('issuedOn')} />{errorOf('issuedOn')}</div>
        <div className="field cert-issuer"><label htmlFor={id('issuer')}>{s('qc.issuer')}</label><input {...bind('issuer')} required maxLength={200} {...described('issuer')} />{errorOf('issuer')}</div>
      </div>
      <fieldset className="cert-results">
        <legend>{s('qc.results')}</legend>
        {errorOf('results')}
        {results.map((r, i) => (
          <div className="cert-result" key={i} role="group" aria-label={s('cert.resultN', { n: i + 1 })}>
            <div className="field"><label htmlFor={id(`test-${i}`)}>{s('qc.test')}</label><input id={id(`test-${i}`)} value={r.test} onChange={(e) => setResult(i, { test: e.target.value })} maxLength={120} {...described(`results.${i}.test`)} />{errorOf(`results.${i}.test`)}</div>
            <div className="field"><label htmlFor={id(`standard-${i}`)}>{s('qc.standard')}</label><input id={id(`standard-${i}`)} value={r.standard} onChange={(e) => setResult(i, { standard: e.target.value })} maxLength={120} /></div>
            <div className="field"><label htmlFor={id(`result-${i}`)}>{s('qc.result')}</label><input id={id(`result-${i}`)} value={r.result} onChange={(e) => setResult(i, { result: e.target.value })} maxLength={200} {...described(`results.${i}.result`)} />{errorOf(`results.${i}.result`)}</div>
            <div className="field cert-result__pass">
              <label><input type="checkbox" checked={r.pass} onChange={(e) => setResult(i, { pass: e.target.checked })} /> {s('qc.pass')}</label>
              {results.length > 1 && (
                <button type="button" className="btn btn--ghost btn--small" onClick={() => setResults(results.filter((_, n) => n !== i))} aria-label={s('cert.removeResult', { n: i + 1 })}>×</button>
              )}
            </div>
          </div>
        ))}
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setResults([...results, blank()])}>{s('cert.addResult')}</button>
      </fieldset>
      <div className="field"><label htmlFor={id('file')}>{s('cert.file')}</label><input id={id('file')} ref={file} type="file" accept="application/pdf,image/png,image/jpeg,image/webp" />{errorOf('attachmentId')}</div>
      {errors && <p className="alert alert--error" role="alert">{errors.summary}</p>}
      {saved && <p className="alert alert--success" role="status">{s('cert.saved', { number: saved.number })} <Link to={`/staff/certificates/${saved.id}`}>{saved.number}</Link></p>}
      <div className="form__actions"><button className="btn btn--secondary" type="submit" disabled={create.isPending}>{s('cert.submit')}</button></div>
    </form>
  );
}
