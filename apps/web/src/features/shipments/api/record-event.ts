import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordEventBody, ShipmentView } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** Records a milestone of a shipment (plan, estimate or actual; an actual corrects another by superseding it). */
export function recordEvent(shipmentId: string, body: RecordEventBody) {
  return api<ShipmentView>(`/api/shipments/${shipmentId}/events`, { method: 'POST', body });
}

export function useRecordEvent(contractId: string, shipmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordEventBody) => recordEvent(shipmentId, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: shipmentKeys.execution(contractId) });
      void qc.invalidateQueries({ queryKey: shipmentKeys.tracker() });
    },
  });
}
