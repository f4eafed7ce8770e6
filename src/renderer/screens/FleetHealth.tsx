// Fleet health: what ends in 7, 30 and 90 days, which PBXs have not checked in for N days, which
// tryouts and trials run out; the end dates as an ICS calendar.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { exportIcs } from '../actions/fleet';
import { fleetHealth, type Ending } from '../lib/fleet-health';
import { useStore } from '../store';
import { FleetList, FleetEndingList } from './fleet/FleetLists';

export function FleetHealth() {
  const { t, i18n } = useTranslation();
  const devices = useStore((s) => s.devices);
  const [days, setDays] = useState(14);
  const health = useMemo(() => fleetHealth(devices, Date.now(), days), [devices, days]);
  const cards: { id: string; label: string; count: number; tone: string }[] = [
    { id: 'fleet-7', label: t('fleet.within', { count: 7 }), count: health.expiring[7].length, tone: 'danger' },
    { id: 'fleet-30', label: t('fleet.between', { from: 8, to: 30 }), count: health.expiring[30].length, tone: 'warn' },
    {
      id: 'fleet-90',
      label: t('fleet.between', { from: 31, to: 90 }),
      count: health.expiring[90].length,
      tone: 'info',
    },
    {
      id: 'fleet-unverified',
      label: t('fleet.notVerified', { count: days }),
      count: health.notVerified.length,
      tone: 'warn',
    },
    { id: 'fleet-tryouts', label: t('fleet.tryouts'), count: health.tryoutsEnding.length, tone: 'info' },
    { id: 'fleet-trials', label: t('fleet.trials'), count: health.trialsEnding.length, tone: 'info' },
    { id: 'fleet-expired', label: t('fleet.expired'), count: health.expired.length, tone: 'danger' },
  ];
  const ending = (id: string, title: string, list: Ending[]) => <FleetEndingList id={id} title={title} items={list} />;
  return (
    <section className="screen" aria-labelledby="fleet-title">
      <header className="screen-header">
        <div>
          <h1 id="fleet-title">{t('nav.fleet')}</h1>
          <p className="muted">{t('fleet.intro')}</p>
        </div>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => exportIcs(devices)}>
            {t('fleet.exportIcs')}
          </button>
        </div>
      </header>
      <ul className="cards" aria-label={t('fleet.overview')}>
        {cards.map((c) => (
          <li key={c.id} className={`card tone-${c.count > 0 ? c.tone : 'ok'}`}>
            <a
              href={`#${c.id}`}
              className="card-link"
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(c.id)?.scrollIntoView({ behavior: 'smooth' });
              }}
            >
              <span className="card-count">{formatNumber(c.count, i18n.language)}</span>
              <span className="card-label">{c.label}</span>
            </a>
          </li>
        ))}
      </ul>
      {ending('fleet-7', t('fleet.within', { count: 7 }), health.expiring[7])}
      {ending('fleet-30', t('fleet.between', { from: 8, to: 30 }), health.expiring[30])}
      {ending('fleet-90', t('fleet.between', { from: 31, to: 90 }), health.expiring[90])}
      <FleetList
        id="fleet-unverified"
        title={t('fleet.notVerified', { count: days })}
        devices={health.notVerified}
        extra={
          <label className="inline-field days-field">
            <span>{t('fleet.days')}</span>
            <input
              type="number"
              min={1}
              max={3650}
              value={days}
              aria-label={t('fleet.daysLabel')}
              onChange={(e) => setDays(Math.max(1, Math.min(3650, Number(e.target.value) || 1)))}
            />
          </label>
        }
      />
      {ending('fleet-tryouts', t('fleet.tryouts'), health.tryoutsEnding)}
      {ending('fleet-trials', t('fleet.trials'), health.trialsEnding)}
      <FleetList id="fleet-expired" title={t('fleet.expired')} devices={health.expired} />
    </section>
  );
}
