import { useRef, useState, type PointerEvent } from 'react';
import type { RedactionBox } from '@hazard-ledger/domain';

type Point = { x: number; y: number };

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** A box from two corners, relative to the image (0–1). */
export function boxFromCorners(a: Point, b: Point): RedactionBox {
  const x = clamp(Math.min(a.x, b.x));
  const y = clamp(Math.min(a.y, b.y));
  return { x, y, w: clamp(Math.max(a.x, b.x)) - x, h: clamp(Math.max(a.y, b.y)) - y };
}

/** Boxes smaller than this (relative) are taken as a click, not a box. */
const MIN_SIDE = 0.01;

/**
 * The original photo with the boxes to pixelate drawn over it: drag to add a box, click a box
 * to remove it. Coordinates are kept relative to the image so they fit any display size.
 */
export function PhotoBoxEditor({
  src,
  alt,
  boxes,
  disabled,
  onChange,
}: {
  src: string;
  alt: string;
  boxes: RedactionBox[];
  disabled?: boolean;
  onChange: (boxes: RedactionBox[]) => void;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<Point | null>(null);
  const [current, setCurrent] = useState<Point | null>(null);

  const pointOf = (e: PointerEvent<HTMLDivElement>): Point => {
    const rect = frame.current!.getBoundingClientRect();
    return {
      x: clamp((e.clientX - rect.left) / rect.width),
      y: clamp((e.clientY - rect.top) / rect.height),
    };
  };

  const drafting = start && current ? boxFromCorners(start, current) : null;

  return (
    <div
      ref={frame}
      data-testid="photo-box-editor"
      style={{
        position: 'relative',
        display: 'inline-block',
        maxWidth: '100%',
        cursor: disabled ? 'default' : 'crosshair',
        touchAction: 'none',
        userSelect: 'none',
      }}
      onPointerDown={(e) => {
        if (disabled || e.button !== 0) return;
        if ((e.target as HTMLElement).dataset.box) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = pointOf(e);
        setStart(p);
        setCurrent(p);
      }}
      onPointerMove={(e) => {
        if (start) setCurrent(pointOf(e));
      }}
      onPointerUp={(e) => {
        if (!start) return;
        const box = boxFromCorners(start, pointOf(e));
        setStart(null);
        setCurrent(null);
        if (box.w >= MIN_SIDE && box.h >= MIN_SIDE) onChange([...boxes, box]);
      }}
    >
      <img
        src={src}
        alt={alt}
        draggable={false}
        style={{ display: 'block', maxWidth: '100%', maxHeight: 480 }}
      />
      {boxes.map((b, i) => (
        <div
          key={`${b.x}-${b.y}-${i}`}
          data-box={i}
          role={disabled ? undefined : 'button'}
          title={disabled ? undefined : '点击移除此遮挡框 / Click to remove'}
          onClick={() => {
            if (!disabled) onChange(boxes.filter((_, j) => j !== i));
          }}
          style={{
            position: 'absolute',
            left: `${b.x * 100}%`,
            top: `${b.y * 100}%`,
            width: `${b.w * 100}%`,
            height: `${b.h * 100}%`,
            background: 'rgba(0,0,0,0.45)',
            outline: '2px solid #ff4d4f',
            cursor: disabled ? 'default' : 'pointer',
          }}
        />
      ))}
      {drafting ? (
        <div
          style={{
            position: 'absolute',
            left: `${drafting.x * 100}%`,
            top: `${drafting.y * 100}%`,
            width: `${drafting.w * 100}%`,
            height: `${drafting.h * 100}%`,
            outline: '2px dashed #ff4d4f',
            pointerEvents: 'none',
          }}
        />
      ) : null}
    </div>
  );
}
