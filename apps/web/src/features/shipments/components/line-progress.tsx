import type { ContractExecutionView } from '@portal/schemas';
import { useShipmentsText } from '../messages.ts';

/** Per contract line: ordered, shipped (departed), planned (on shipments not yet departed), remaining and what may still ship within the tolerance. */
export function LineProgress({ execution }: { execution: ContractExecutionView }) {
  const { s, number } = useShipmentsText();
  return (
    <>
      <p className="muted small">{execution.contract.partialShipmentAllowed ? s('ex.partialAllowed') : s('ex.partialForbidden')}</p>
      <div className="table-wrap">
        <table className="table table--dense">
          <thead><tr><th scope="col">#</th><th scope="col">{s('ex.lines.shipment')}</th><th scope="col" className="num">{s('ex.ordered')}</th><th scope="col" className="num">{s('ex.shipped')}</th><th scope="col" className="num">{s('ex.plannedQty')}</th><th scope="col" className="num">{s('ex.remaining')}</th><th scope="col" className="num">{s('ex.mayStill')}</th></tr></thead>
          <tbody>
            {execution.lines.map((l) => (
              <tr key={l.contractLineNo}>
                <td>{l.contractLineNo}</td>
                <td>{l.description}</td>
                <td className="num">{number(l.ordered)} {l.unit}</td>
                <td className="num">{number(l.shipped)}</td>
                <td className="num">{number(l.planned)}</td>
                <td className="num"><strong>{number(l.remaining)}</strong></td>
                <td className="num">{number(l.mayStillShip)}{l.tolerancePercent !== '0' && <span className="muted small"> (±{l.tolerancePercent} %)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
