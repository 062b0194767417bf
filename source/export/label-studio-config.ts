import { declaredAttributes, type LabelSet } from '../store/labels.js';
import { visible } from '../text/untrusted.js';
import { toIdentifier } from './identifiers.js';
import { htmlColour } from './label-colours.js';
import { labelName } from './model.js';

/** The control that holds the labels, and the object they point into. */
export const LABELS_CONTROL = 'label';
export const TEXT_OBJECT = 'text';

/** The per-region control of an attribute: `attr_` and the name as an identifier. */
export function attributeControl(name: string): string {
  return `attr_${toIdentifier(name)}`;
}

/**
 * How a label or a fixed value is spelled in Label Studio (`Claim`): XML cannot carry control
 * characters even escaped, so those (and bidi overrides) are shown as `\u001b`-style text, the
 * same in the config and in the tasks.
 */
export const studioLabel = (label: string): string => visible(labelName(label));
export const studioValue = (value: string): string => visible(value);

/**
 * The labeling config that matches the tasks (`margin export --format label-studio --config`):
 * the project's labels in their codebook colours, and per region one control per attribute the labels declare: `Choices`
 * for a fixed list of values, `TextArea` for free text.
 */
export function labelStudioConfig(labels: LabelSet): string {
  const lines = [
    '<View>',
    `  <Labels name="${LABELS_CONTROL}" toName="${TEXT_OBJECT}">`,
    ...labels.map((label) => {
      // The codebook's colour, as Label Studio highlights the label's regions.
      const colour = htmlColour(label.colour);
      const background = colour ? ` background="${colour}"` : '';
      return `    <Label value="${xml(studioLabel(label.name))}"${background}/>`;
    }),
    '  </Labels>',
    `  <Text name="${TEXT_OBJECT}" value="$text"/>`,
  ];
  const attributes = [...declaredAttributes(labels).values()];
  if (attributes.length > 0) {
    lines.push('  <View visibleWhen="region-selected">');
    for (const attribute of attributes) {
      const owners = labels
        .filter((label) => label.attributes.some((a) => a.name === attribute.name))
        .map((label) => studioLabel(label.name));
      const name = xml(attributeControl(attribute.name));
      lines.push(
        `    <Header value="${xml(visible(`${attribute.name} (${owners.join(', ')})`))}"/>`,
      );
      if (attribute.values) {
        lines.push(
          `    <Choices name="${name}" toName="${TEXT_OBJECT}" perRegion="true" choice="single-radio">`,
          ...attribute.values.map((value) => `      <Choice value="${xml(studioValue(value))}"/>`),
          '    </Choices>',
        );
      } else {
        lines.push(
          `    <TextArea name="${name}" toName="${TEXT_OBJECT}" perRegion="true" editable="true" maxSubmissions="1"/>`,
        );
      }
    }
    lines.push('  </View>');
  }
  lines.push('</View>', '');
  return lines.join('\n');
}

function xml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
