// Licence Desk's own licence agreement (the first-start gate). Not the MIKO registrations' EULA
// (the authority's eula:* operations): this one is between the reseller and Licence Desk. A new
// version here asks everyone to accept again (settings.eulaAcceptedVersion must equal it).
import type { Settings } from '../../shared/ipc/contract';

export const EULA_VERSION = '1.0';

export interface EulaText {
  title: string;
  sections: { heading: string; text: string }[];
}

export const EULA: Record<Settings['language'], EulaText> = {
  en: {
    title: 'Licence agreement for Licence Desk',
    sections: [
      {
        heading: '1. Use',
        text: 'You may install Licence Desk on your computers and use it to manage the licences of telephone systems (PBXs) that you sell, install or look after for your customers.',
      },
      {
        heading: '2. Licence codes',
        text: 'Answer codes, certificates, registration numbers and coupons made with Licence Desk are valid only for the device or host they were issued for. You must not alter them, pass them on for other devices, or use them to get around the limits of a tryout, a trial or a licence.',
      },
      {
        heading: '3. Your data',
        text: "Licence Desk keeps its data (devices, customers, licences and the audit log) on this computer, or on the licence server you connect it to. You are responsible for backups and for handling your customers' data lawfully.",
      },
      {
        heading: '4. Warranty and liability',
        text: 'Licence Desk is provided as it is. Liability is limited to intent and gross negligence, except where the law provides otherwise.',
      },
      {
        heading: '5. End',
        text: "This licence ends if you break these terms; you must then stop using Licence Desk. Licences already issued to your customers' devices stay valid.",
      },
    ],
  },
  de: {
    title: 'Lizenzvereinbarung (EULA) für Licence Desk',
    sections: [
      {
        heading: '1. Nutzung',
        text: 'Sie dürfen Licence Desk auf Ihren Computern installieren und damit die Lizenzen von Telefonanlagen verwalten, die Sie für Ihre Kunden verkaufen, installieren oder betreuen.',
      },
      {
        heading: '2. Lizenzcodes',
        text: 'Antworten des Lizenzservers, Zertifikate, Registrierungsnummern und Gutscheine aus Licence Desk gelten nur für das Gerät oder den Host, für den sie ausgestellt wurden. Sie dürfen sie nicht verändern, für andere Geräte weitergeben oder damit die Grenzen eines Tryout-Modus, einer Testlizenz oder einer Lizenz umgehen.',
      },
      {
        heading: '3. Ihre Daten',
        text: 'Licence Desk speichert seine Daten (Geräte, Kunden, Lizenzen und das Prüfprotokoll) auf diesem Computer oder auf dem Lizenzserver, mit dem Sie es verbinden. Für Datensicherungen und den rechtmäßigen Umgang mit den Daten Ihrer Kunden sind Sie verantwortlich.',
      },
      {
        heading: '4. Gewährleistung und Haftung',
        text: 'Licence Desk wird so bereitgestellt, wie es ist. Die Haftung ist auf Vorsatz und grobe Fahrlässigkeit beschränkt, soweit das Gesetz nichts anderes vorschreibt.',
      },
      {
        heading: '5. Ende',
        text: 'Diese Lizenz endet, wenn Sie gegen diese Bedingungen verstoßen; Sie dürfen Licence Desk dann nicht mehr verwenden. Bereits für Geräte Ihrer Kunden ausgestellte Lizenzen bleiben gültig.',
      },
    ],
  },
  ru: {
    title: 'Лицензионное соглашение Licence Desk',
    sections: [
      {
        heading: '1. Использование',
        text: 'Вы можете установить Licence Desk на свои компьютеры и управлять с его помощью лицензиями телефонных станций (АТС), которые вы продаёте, устанавливаете или обслуживаете для своих клиентов.',
      },
      {
        heading: '2. Лицензионные коды',
        text: 'Ответы сервера лицензирования, сертификаты, регистрационные номера и купоны, созданные в Licence Desk, действительны только для того устройства или хоста, для которого они выданы. Их нельзя изменять, передавать для других устройств или использовать для обхода ограничений пробного режима, пробной лицензии или лицензии.',
      },
      {
        heading: '3. Ваши данные',
        text: 'Licence Desk хранит свои данные (устройства, клиентов, лицензии и журнал аудита) на этом компьютере или на сервере лицензирования, к которому вы его подключаете. Вы отвечаете за резервные копии и за законную обработку данных ваших клиентов.',
      },
      {
        heading: '4. Гарантия и ответственность',
        text: 'Licence Desk предоставляется «как есть». Ответственность ограничена умыслом и грубой неосторожностью, если законом не предусмотрено иное.',
      },
      {
        heading: '5. Прекращение',
        text: 'Лицензия прекращается при нарушении этих условий; в этом случае вы должны прекратить использование Licence Desk. Лицензии, уже выданные устройствам ваших клиентов, остаются действительными.',
      },
    ],
  },
};
