/**
 * `ylc info --groups`: the channel groups of a model (passes/analysis/channel-groups.ts): for each,
 * its size, whether it can be pruned or why not, whether scope=yolov5-light takes it, the nodes
 * that make its channels and every member (value[offset range]).
 */
import type { Model } from '../../ir/model.js';
import { analyzeChannelGroups, segmentName } from '../../passes/analysis/channel-groups.js';
import { PartClassifier } from '../../passes/prune/parts.js';

export interface GroupRow {
  id: number;
  key: string;
  size: number;
  prunable: boolean;
  /** Why not prunable. */
  reasons: string[];
  /** Why pruning changes other channels (normalisation over the channels). */
  inexact: string[];
  /** Whether prune-slim's default scope takes the group, and the parts or the reason. */
  yolov5Light: { inScope: boolean; why: string };
  producers: string[];
  consumers: string[];
  batchNorms: string[];
  members: string[];
}

export interface GroupsReport {
  groups: GroupRow[];
  prunable: number;
  inLightScope: number;
  /** Channels in prunable groups. */
  channels: number;
  /** Nodes on channel paths that no rule knows. */
  remarks: string[];
}

export function groupsReport(model: Model): GroupsReport {
  const a = analyzeChannelGroups(model);
  const parts = new PartClassifier(model);
  const groups = a.groups.map((g): GroupRow => {
    const light = g.prunable ? parts.light(g) : { inScope: false, why: 'not prunable' };
    return {
      id: g.id,
      key: g.key,
      size: g.size,
      prunable: g.prunable,
      reasons: [...g.reasons],
      inexact: [...g.inexact],
      yolov5Light: { inScope: light.inScope, why: light.why },
      producers: g.producers.map((p) => p.node.describe()),
      consumers: g.consumers.map((c) => c.node.describe()),
      batchNorms: g.norms.map((n) => n.node.describe()),
      members: g.segments.map(segmentName),
    };
  });
  return {
    groups,
    prunable: groups.filter((g) => g.prunable).length,
    inLightScope: groups.filter((g) => g.yolov5Light.inScope).length,
    channels: groups.filter((g) => g.prunable).reduce((n, g) => n + g.size, 0),
    remarks: a.remarks.map((r) => r.message),
  };
}

const SHOWN_MEMBERS = 6;

export function formatGroups(r: GroupsReport): string {
  const lines = [
    '',
    `channel groups ${r.groups.length}: ${r.prunable} prunable (${r.channels} channels), ${r.inLightScope} in scope=yolov5-light`,
  ];
  const width = String(r.groups.length).length;
  for (const g of r.groups) {
    const status = g.prunable ? `prunable${g.yolov5Light.inScope ? ', yolov5-light' : ''}${g.inexact.length ? ', inexact' : ''}` : 'not prunable';
    lines.push(`  #${String(g.id).padEnd(width)} ${String(g.size).padStart(5)} ch  ${status}  ${g.key}`);
    const pad = ' '.repeat(width + 4);
    if (!g.prunable) lines.push(`${pad}why: ${g.reasons.join('; ')}`);
    if (g.inexact.length) lines.push(`${pad}inexact: ${g.inexact.join('; ')}`);
    if (g.prunable && g.yolov5Light.inScope) lines.push(`${pad}parts: ${g.yolov5Light.why}`);
    if (g.producers.length) lines.push(`${pad}producers: ${g.producers.join(', ')}`);
    const more = g.members.length > SHOWN_MEMBERS ? `, ... (+${g.members.length - SHOWN_MEMBERS} more; --json lists all)` : '';
    lines.push(`${pad}members (${g.members.length}): ${g.members.slice(0, SHOWN_MEMBERS).join(', ')}${more}`);
  }
  return `${lines.join('\n')}\n`;
}
