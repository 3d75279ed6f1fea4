import { useFeatureMessages, useI18n } from '../../lib/i18n.tsx';

/*
 * The shipments screens' words in English and Chinese, ICU MessageFormat, kept in the feature's own
 * chunk and rendered by react-intl's formatter (see useFeatureMessages).
 */
const en = {
  'm.PRODUCTION_STARTED': 'Production started', 'm.PRODUCTION_FINISHED': 'Production finished', 'm.INSPECTION_PASSED': 'Inspection passed',
  'm.BOOKING_REQUESTED': 'Booking requested', 'm.BOOKING_CONFIRMED': 'Booking confirmed', 'm.CONTAINER_STUFFED': 'Container stuffed', 'm.GATED_IN': 'Gated in',
  'm.LOADED': 'Loaded on board', 'm.DEPARTED': 'Departed', 'm.BL_ISSUED': 'B/L issued', 'm.ARRIVED': 'Arrived', 'm.DISCHARGED': 'Discharged', 'm.RELEASED': 'Released',
  'm.DELIVERED': 'Delivered',
  'c.PLN': 'Planned', 'c.EST': 'Estimated', 'c.ACT': 'Actual',
  'st.PLANNED': 'Planned', 'st.BOOKED': 'Booked', 'st.DEPARTED': 'At sea', 'st.ARRIVED': 'Arrived', 'st.DELIVERED': 'Delivered', 'st.CANCELLED': 'Cancelled',
  'p.ON_TIME': 'On time', 'p.AT_RISK': 'At risk', 'p.LATE': 'Late',
  'doc.COMMERCIAL_INVOICE': 'Commercial invoice', 'doc.PACKING_LIST': 'Packing list', 'doc.BILL_OF_LADING': 'Bill of lading', 'doc.CERTIFICATE_OF_ORIGIN': 'Certificate of origin',
  'doc.INSPECTION_CERTIFICATE': 'Inspection certificate', 'doc.QUALITY_CERTIFICATE': 'Quality certificate', 'doc.INSURANCE_POLICY': 'Insurance policy', 'doc.OTHER': 'Other document',
  'tracker.title': 'Shipments', 'tracker.lead': 'Your open contracts, their next milestone and whether they keep the latest shipment date.',
  'tracker.staffLead': 'Open contracts in execution: next milestone and punctuality against the latest shipment date.',
  'tracker.empty': 'No contract in execution yet.', 'tracker.contract': 'Contract', 'tracker.buyer': 'Buyer', 'tracker.status': 'Shipment', 'tracker.next': 'Next milestone',
  'tracker.expected': 'expected {date}', 'tracker.overdue': 'overdue', 'tracker.latest': 'Latest shipment', 'tracker.onTime': 'On time?', 'tracker.vessel': 'Vessel',
  'tracker.done': 'All delivered', 'tracker.noShipment': 'Not planned yet', 'tracker.daysLate': '{n, plural, one {# day late} other {# days late}}',
  'tracker.daysLateExpected': '{n, plural, one {# day late expected} other {# days late expected}}',
  'ex.title': 'Execution of {number}', 'ex.trackTitle': 'Tracking {number}', 'ex.lines': 'Quantities', 'ex.ordered': 'Ordered', 'ex.shipped': 'Shipped', 'ex.plannedQty': 'Planned', 'ex.remaining': 'Remaining',
  'ex.mayStill': 'May still ship', 'ex.partialAllowed': 'Partial shipment allowed', 'ex.partialForbidden': 'Partial shipment not allowed: one shipment carries everything',
  'ex.noShipments': 'No shipment yet.', 'ex.shipment': 'Shipment {number}', 'ex.value': 'Value', 'ex.vessel': 'Vessel / voyage', 'ex.booking': 'Booking',
  'ex.route': 'Route', 'ex.etd': 'ETD', 'ex.eta': 'ETA', 'ex.bl': 'B/L', 'ex.onBoard': 'on board {date}', 'ex.containers': 'Containers', 'ex.documents': 'Documents',
  'ex.timeline': 'Timeline', 'ex.milestone': 'Milestone', 'ex.planned': 'Planned', 'ex.estimated': 'Estimated', 'ex.actual': 'Actual', 'ex.late': 'late',
  'ex.lateBy': '{n, plural, one {# day late} other {# days late}}', 'ex.history': 'History of events', 'ex.recordedBy': '{who}, {when}', 'ex.supersededBy': 'corrected later', 'ex.corrects': 'correction: {reason}',
  'ex.container': 'Container', 'ex.size': 'Size/type', 'ex.seal': 'Seal', 'ex.cartons': 'Cartons', 'ex.gross': 'Gross kg', 'ex.cbm': 'CBM', 'ex.vgm': 'VGM kg',
  'ex.download': 'Download', 'ex.generated': 'generated', 'ex.downloads': 'Downloads', 'ex.noDownloads': 'Nobody downloaded a document yet.', 'ex.internal': 'Internal note',
  'ex.lines.shipment': 'Goods', 'ex.punctuality': 'Against the latest shipment date', 'ex.next': 'Next: {milestone}',
  'plan.title': 'Plan a shipment', 'plan.line': 'Line {n}: {description}', 'plan.qty': 'Quantity ({unit}, at most {max})', 'plan.departure': 'Planned departure', 'plan.submit': 'Plan shipment',
  'rec.title': 'Record a milestone', 'rec.milestone': 'Milestone', 'rec.classifier': 'Kind', 'rec.date': 'Date', 'rec.container': 'Container number (ISO 6346)',
  'rec.batch': 'Batch number', 'rec.blNumber': 'B/L number', 'rec.onBoard': 'Shipped on board', 'rec.location': 'Location', 'rec.corrects': 'Corrects the actual of',
  'rec.new': 'nothing: a new record', 'rec.reason': 'Reason for the correction', 'rec.note': 'Internal note', 'rec.submit': 'Record', 'rec.saved': 'Recorded.',
  'rec.carrier': 'Carrier', 'rec.vessel': 'Vessel', 'rec.voyage': 'Voyage', 'rec.bookingNo': 'Booking number', 'rec.pol': 'Port of loading (UN/LOCODE)', 'rec.pod': 'Port of discharge (UN/LOCODE)',
  'rec.etd': 'ETD', 'rec.eta': 'ETA', 'rec.sizeType': 'Size/type (e.g. 40HC)', 'rec.seal': 'Seal number', 'rec.cartons': 'Cartons', 'rec.gross': 'Cargo gross kg', 'rec.cbm': 'CBM', 'rec.vgm': 'VGM kg',
  'up.title': 'Upload a document', 'up.kind': 'Kind', 'up.number': 'Number', 'up.file': 'File (PDF or image, at most 10 MB)', 'up.submit': 'Upload',
  'qc.title': 'Batch quality certificates', 'qc.lead': 'Look up the certificate of any batch shipped to you, by batch number, product or contract, and print it.',
  'qc.staffLead': 'Certificates per product batch, as buyers see them.', 'qc.batch': 'Batch number', 'qc.product': 'Product', 'qc.productSearch': 'Product (SKU or name)', 'qc.contract': 'Contract number',
  'qc.search': 'Search', 'qc.none': 'No certificate matches.', 'qc.number': 'Certificate', 'qc.issued': 'Issued', 'qc.issuer': 'Issued by', 'qc.produced': 'Produced',
  'qc.quantity': 'Batch quantity', 'qc.results': 'Results', 'qc.test': 'Test', 'qc.standard': 'Standard', 'qc.result': 'Result', 'qc.pass': 'Pass', 'qc.fail': 'Fail',
  'qc.print': 'Print', 'qc.file': 'Certificate as issued', 'qc.shipment': 'Shipment', 'qc.back': 'All certificates', 'qc.heading': 'Quality certificate {number}',
  'link.tracking': 'Shipment tracking', 'link.execution': 'Execution record', 'link.contract': 'Contract',
  'cert.title': 'Record a batch quality certificate', 'cert.line': 'Product of this shipment', 'cert.number': 'Certificate number', 'cert.addResult': 'Add a result',
  'cert.removeResult': 'Remove result {n}', 'cert.resultN': 'Result {n}', 'cert.file': 'Certificate as issued (PDF or image, optional)', 'cert.submit': 'Record certificate',
  'cert.saved': 'Certificate {number} recorded; the buyer can look it up by batch number.', 'cert.noProduct': 'No line of this shipment names a catalog product.',
} as const;

export type ShipmentsTextKey = keyof typeof en;

const zh: Record<ShipmentsTextKey, string> = {
  'm.PRODUCTION_STARTED': '已开始生产', 'm.PRODUCTION_FINISHED': '生产完成', 'm.INSPECTION_PASSED': '检验合格', 'm.BOOKING_REQUESTED': '已申请订舱', 'm.BOOKING_CONFIRMED': '订舱确认',
  'm.CONTAINER_STUFFED': '装箱', 'm.GATED_IN': '进港', 'm.LOADED': '装船', 'm.DEPARTED': '开航', 'm.BL_ISSUED': '签发提单', 'm.ARRIVED': '到港', 'm.DISCHARGED': '卸船', 'm.RELEASED': '放货',
  'm.DELIVERED': '交货',
  'c.PLN': '计划', 'c.EST': '预计', 'c.ACT': '实际',
  'st.PLANNED': '计划中', 'st.BOOKED': '已订舱', 'st.DEPARTED': '在途', 'st.ARRIVED': '已到港', 'st.DELIVERED': '已交货', 'st.CANCELLED': '已取消',
  'p.ON_TIME': '准时', 'p.AT_RISK': '有延误风险', 'p.LATE': '延误',
  'doc.COMMERCIAL_INVOICE': '商业发票', 'doc.PACKING_LIST': '装箱单', 'doc.BILL_OF_LADING': '提单', 'doc.CERTIFICATE_OF_ORIGIN': '原产地证', 'doc.INSPECTION_CERTIFICATE': '检验证书',
  'doc.QUALITY_CERTIFICATE': '质检单', 'doc.INSURANCE_POLICY': '保险单', 'doc.OTHER': '其他单据',
  'tracker.title': '货运跟踪', 'tracker.lead': '您执行中的合同、下一个节点，以及是否能在最迟装运日前装运。', 'tracker.staffLead': '执行中的合同：下一个节点及相对最迟装运日的准时情况。',
  'tracker.empty': '暂无执行中的合同。', 'tracker.contract': '合同', 'tracker.buyer': '买方', 'tracker.status': '货运', 'tracker.next': '下一个节点', 'tracker.expected': '预计 {date}',
  'tracker.overdue': '已逾期', 'tracker.latest': '最迟装运日', 'tracker.onTime': '是否准时', 'tracker.vessel': '船名', 'tracker.done': '全部交货', 'tracker.noShipment': '尚未安排',
  'tracker.daysLate': '延误 {n} 天', 'tracker.daysLateExpected': '预计延误 {n} 天',
  'ex.title': '{number} 执行记录', 'ex.trackTitle': '跟踪 {number}', 'ex.lines': '数量', 'ex.ordered': '合同数量', 'ex.shipped': '已装运', 'ex.plannedQty': '已计划', 'ex.remaining': '剩余', 'ex.mayStill': '仍可装运',
  'ex.partialAllowed': '允许分批装运', 'ex.partialForbidden': '不允许分批装运：一次装运全部货物', 'ex.noShipments': '暂无货运。', 'ex.shipment': '货运 {number}', 'ex.value': '货值',
  'ex.vessel': '船名 / 航次', 'ex.booking': '订舱号', 'ex.route': '航线', 'ex.etd': '预计开航', 'ex.eta': '预计到港', 'ex.bl': '提单', 'ex.onBoard': '装船日 {date}', 'ex.containers': '集装箱',
  'ex.documents': '单据', 'ex.timeline': '时间线', 'ex.milestone': '节点', 'ex.planned': '计划', 'ex.estimated': '预计', 'ex.actual': '实际', 'ex.late': '延误', 'ex.lateBy': '晚 {n} 天',
  'ex.history': '事件记录', 'ex.recordedBy': '{who}，{when}', 'ex.supersededBy': '已被更正', 'ex.corrects': '更正：{reason}', 'ex.container': '箱号', 'ex.size': '箱型', 'ex.seal': '封号',
  'ex.cartons': '箱数', 'ex.gross': '毛重 kg', 'ex.cbm': '体积 CBM', 'ex.vgm': 'VGM kg', 'ex.download': '下载', 'ex.generated': '系统生成', 'ex.downloads': '下载记录',
  'ex.noDownloads': '尚无人下载单据。', 'ex.internal': '内部备注', 'ex.lines.shipment': '货物', 'ex.punctuality': '相对最迟装运日', 'ex.next': '下一步：{milestone}',
  'plan.title': '安排货运', 'plan.line': '第 {n} 行：{description}', 'plan.qty': '数量（{unit}，最多 {max}）', 'plan.departure': '计划开航日', 'plan.submit': '安排货运',
  'rec.title': '记录节点', 'rec.milestone': '节点', 'rec.classifier': '类型', 'rec.date': '日期', 'rec.container': '箱号（ISO 6346）', 'rec.batch': '批次号', 'rec.blNumber': '提单号',
  'rec.onBoard': '装船日期', 'rec.location': '地点', 'rec.corrects': '更正的实际记录', 'rec.new': '无：新记录', 'rec.reason': '更正原因', 'rec.note': '内部备注', 'rec.submit': '记录',
  'rec.saved': '已记录。', 'rec.carrier': '承运人', 'rec.vessel': '船名', 'rec.voyage': '航次', 'rec.bookingNo': '订舱号', 'rec.pol': '装货港（UN/LOCODE）', 'rec.pod': '卸货港（UN/LOCODE）',
  'rec.etd': '预计开航', 'rec.eta': '预计到港', 'rec.sizeType': '箱型（如 40HC）', 'rec.seal': '封号', 'rec.cartons': '箱数', 'rec.gross': '货物毛重 kg', 'rec.cbm': '体积 CBM', 'rec.vgm': 'VGM kg',
  'up.title': '上传单据', 'up.kind': '类型', 'up.number': '编号', 'up.file': '文件（PDF 或图片，不超过 10 MB）', 'up.submit': '上传',
  'qc.title': '批次质检单', 'qc.lead': '按批次号、产品或合同查询发给您的任一批次的质检单，并可打印。', 'qc.staffLead': '各产品批次的质检单（与买方所见相同）。', 'qc.batch': '批次号',
  'qc.product': '产品', 'qc.productSearch': '产品（货号或名称）', 'qc.contract': '合同号', 'qc.search': '查询', 'qc.none': '没有匹配的质检单。', 'qc.number': '证书号', 'qc.issued': '签发日期', 'qc.issuer': '签发方',
  'qc.produced': '生产日期', 'qc.quantity': '批次数量', 'qc.results': '检验结果', 'qc.test': '项目', 'qc.standard': '标准', 'qc.result': '结果', 'qc.pass': '合格', 'qc.fail': '不合格',
  'qc.print': '打印', 'qc.file': '证书原件', 'qc.shipment': '货运', 'qc.back': '全部质检单', 'qc.heading': '质检单 {number}',
  'link.tracking': '货运跟踪', 'link.execution': '执行记录', 'link.contract': '合同',
  'cert.title': '登记批次质检单', 'cert.line': '本票货物的产品', 'cert.number': '证书号', 'cert.addResult': '添加检验项目', 'cert.removeResult': '删除第 {n} 项',
  'cert.resultN': '第 {n} 项', 'cert.file': '证书原件（PDF 或图片，可选）', 'cert.submit': '登记质检单', 'cert.saved': '质检单 {number} 已登记；买方可按批次号查询。',
  'cert.noProduct': '本票货物没有关联目录产品的行。',
};

export const catalogues = { en, zh };

/** The shipments screens' words in the reader's language (ICU MessageFormat), with the shared formatters. */
export function useShipmentsText() {
  const i18n = useI18n();
  const s = useFeatureMessages(catalogues);
  /** A calendar date (YYYY-MM-DD) in the reader's format. */
  const day = (date: string | null) => (date ? i18n.date(`${date}T00:00:00Z`) : '—');
  return { ...i18n, s, day };
}
