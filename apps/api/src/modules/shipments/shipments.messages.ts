import { defineMessages } from '../../infra/messages.ts';

/*
 * What shipment notices say, in each reader's language (ICU MessageFormat, one entry per kind, as
 * every capability's `<feature>.messages.ts`). Params: contract and shipment numbers, the milestone
 * (a code, worded by `select`), its date (a Date, formatted for the reader by the shared renderer), the classifier,
 * the vessel and the container or B/L number when there is one.
 */

const milestoneEn =
  '{milestone, select, PRODUCTION_STARTED {Production started} PRODUCTION_FINISHED {Production finished} INSPECTION_PASSED {Inspection passed} BOOKING_REQUESTED {Booking requested} BOOKING_CONFIRMED {Booking confirmed} CONTAINER_STUFFED {Container stuffed} GATED_IN {Container gated in} LOADED {Loaded on board} DEPARTED {Vessel departed} BL_ISSUED {Bill of lading issued} ARRIVED {Vessel arrived} DISCHARGED {Discharged} RELEASED {Released} DELIVERED {Delivered} other {Milestone}}';
const milestoneZh =
  '{milestone, select, PRODUCTION_STARTED {已开始生产} PRODUCTION_FINISHED {生产完成} INSPECTION_PASSED {检验合格} BOOKING_REQUESTED {已申请订舱} BOOKING_CONFIRMED {订舱已确认} CONTAINER_STUFFED {已装箱} GATED_IN {集装箱已进港} LOADED {已装船} DEPARTED {船已开航} BL_ISSUED {提单已签发} ARRIVED {船已到港} DISCHARGED {已卸船} RELEASED {已放货} DELIVERED {已交货} other {节点}}';

export const shipmentsMessages = defineMessages({
  en: {
    'shipment.milestone': {
      action: 'Track it in the portal',
      title: `${milestoneEn}: {contract}`,
      body: `{classifier, select, ACT {${milestoneEn} on {date, date, medium}} EST {${milestoneEn} now expected on {date, date, medium}} other {${milestoneEn} planned for {date, date, medium}}} — shipment {shipment} of contract {contract}{detail, select, none {} other { ({detail})}}.`,
    },
    'shipment.corrected': {
      action: 'Track it in the portal',
      title: `Corrected: ${milestoneEn} — {contract}`,
      body: `The date of "${milestoneEn}" for shipment {shipment} of contract {contract} was corrected to {date, date, medium}: {reason}.`,
    },
  },
  zh: {
    'shipment.milestone': {
      action: '在门户中查看',
      title: `${milestoneZh}：{contract}`,
      body: `{classifier, select, ACT {${milestoneZh}，日期 {date, date, medium}} EST {${milestoneZh}，预计 {date, date, medium}} other {${milestoneZh}，计划 {date, date, medium}}}——合同 {contract} 的货运 {shipment}{detail, select, none {} other {（{detail}）}}。`,
    },
    'shipment.corrected': {
      action: '在门户中查看',
      title: `已更正：${milestoneZh}——{contract}`,
      body: `合同 {contract} 的货运 {shipment} 的"${milestoneZh}"日期已更正为 {date, date, medium}：{reason}。`,
    },
  },
});

export type ShipmentMessageKind = keyof (typeof shipmentsMessages)['en'];
