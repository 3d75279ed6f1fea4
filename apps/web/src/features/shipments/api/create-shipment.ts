import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContractExecutionView, CreateShipmentBody } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { shipmentKeys } from './keys.ts';

/** Plans a shipment of a contract (lines and quantities, planned departure). */
export function createShipment(contractId: string, body: CreateShipmentBody) {
  return api<ContractExecutionView>(`/api/contracts/${contractId}/shipments`, { method: 'POST', body });
}

export function useCreateShipment(contractId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShipmentBody) => createShipment(contractId, body),
    onSuccess: (view) => {
      qc.setQueryData(shipmentKeys.execution(contractId), view);
      void qc.invalidateQueries({ queryKey: shipmentKeys.tracker() });
    },
  });
}
